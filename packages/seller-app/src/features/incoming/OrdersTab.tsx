import type { OrderSummary, SellerStage } from '@kupwara/shared';
import { Button, Chip, ChipRow, EmptyState, Screen, Skeleton, spacing, useNow, useTheme } from '@kupwara/shared/ui';
import { sellerStages } from '@kupwara/shared/values';
import { router } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, useWindowDimensions, View } from 'react-native';
import { messages } from '../../messages';
import { useIncoming } from './IncomingOrders';
import { OrderCard } from './OrderCard';
import { ordersByStage } from './order-groups';

const words = messages.orders;

/** The Orders tab: the shop's orders by state, new ones first to answer, live from the store's channel. */
export function OrdersTab() {
  const incoming = useIncoming();
  const { orders } = incoming;
  const [stage, setStage] = useState<SellerStage>('new');
  const now = useNow();
  const wide = useWindowDimensions().width >= 768;
  const groups = ordersByStage(orders.data?.items ?? [], now);
  const shown = groups[stage];

  const open = (order: OrderSummary) => {
    incoming.markSeen(order.id);
    router.push(`/orders/${order.id}`);
  };

  return (
    <Screen title={words.title} back={false}>
      <SoundNotice />
      <ChipRow inset={spacing.md} style={styles.tabs} testID="order-tabs">
        {sellerStages.map((each) => (
          <Chip
            key={each}
            label={words.stageWithCount(words.stages[each], groups[each].length)}
            selected={each === stage}
            onPress={() => setStage(each)}
          />
        ))}
      </ChipRow>
      {orders.data ? (
        shown.length === 0 ? (
          <EmptyState title={words.empty[stage]} message={stage === 'new' ? words.emptyHint : ''} />
        ) : (
          <ScrollView contentContainerStyle={[styles.list, wide && styles.columns]}>
            {shown.map((order) => (
              <View key={order.id} style={wide ? styles.half : undefined}>
                <OrderCard order={order} now={now} onOpen={open} />
              </View>
            ))}
          </ScrollView>
        )
      ) : orders.isError ? (
        <EmptyState
          title={words.loadFailed}
          message={orders.error.message}
          action={{ title: words.retry, onPress: () => void orders.refetch() }}
        />
      ) : (
        <View style={styles.list}>
          <Skeleton lines={4} height={96} />
        </View>
      )}
    </Screen>
  );
}

/** On the web: asks once for the touch that lets the ring play, and says so while a ring is blocked. */
function SoundNotice() {
  const { colors } = useTheme();
  const { soundBlocked, unseen, unlockSound } = useIncoming();
  if (!soundBlocked) return null;
  const ringing = unseen.length > 0;
  return (
    <View
      role={ringing ? 'alert' : 'status'}
      style={[
        styles.notice,
        { backgroundColor: ringing ? colors.warning : colors.surface, borderColor: colors.border },
      ]}
    >
      <Button
        title={ringing ? words.soundBlocked(unseen.length) : words.tapToHear}
        accessibilityHint={words.tapToHearHint}
        onPress={unlockSound}
        testID="tap-to-hear"
      />
    </View>
  );
}

const styles = StyleSheet.create({
  tabs: { paddingVertical: spacing.sm },
  list: { padding: spacing.md, gap: spacing.md },
  columns: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'flex-start' },
  half: { width: '48.5%' },
  notice: { padding: spacing.sm, borderBottomWidth: StyleSheet.hairlineWidth },
});
