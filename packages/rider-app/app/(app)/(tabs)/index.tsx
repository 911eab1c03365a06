import { Screen, spacing } from '@kupwara/shared/ui';
import { ScrollView, StyleSheet } from 'react-native';
import { CurrentDeliveries } from '../../../src/features/delivery/CurrentDeliveries';
import { OpenOffers } from '../../../src/features/offers/OpenOffers';
import { OnlineSwitch } from '../../../src/features/shift/OnlineSwitch';
import { messages } from '../../../src/messages';

/** Where a shift happens: the online switch, the delivery under way, and the offers open now. */
export default function WorkTab() {
  return (
    <Screen title={messages.shift.title} back={false}>
      <ScrollView contentContainerStyle={styles.content}>
        <OnlineSwitch />
        <CurrentDeliveries />
        <OpenOffers />
      </ScrollView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md },
});
