import type { LatLng } from '@kupwara/shared';
import { Button, Card, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { openNavigation } from './open-navigation';

const words = messages.delivery;

export interface PlaceDetailsProps {
  /** "Shop" or "Customer". */
  kind: string;
  name: string;
  address: string;
  location: LatLng;
  /** More lines about the place: the landmark, the customer's note. */
  extra?: readonly { label: string; text: string }[];
  /** The call button(s), only while the delivery is active. */
  call?: ReactNode;
}

/** Where the rider goes next, in big type: who, where, how to find it, and the buttons to get there. */
export function PlaceDetails({ kind, name, address, location, extra = [], call }: PlaceDetailsProps) {
  const { colors } = useTheme();
  return (
    <Card style={styles.card}>
      <Text style={[typeScale.label, { color: colors.textMuted }]}>{kind}</Text>
      <Text style={[typeScale.title, { color: colors.text }]}>{name}</Text>
      <Text style={[typeScale.body, styles.big, { color: colors.text }]}>{address}</Text>
      {extra.map((line) => (
        <View key={line.label}>
          <Text style={[typeScale.label, { color: colors.textMuted }]}>{line.label}</Text>
          <Text style={[typeScale.body, styles.big, { color: colors.text }]}>{line.text}</Text>
        </View>
      ))}
      <View style={styles.buttons}>
        <Button
          title={words.navigate}
          accessibilityLabel={words.navigateTo(name)}
          onPress={() => void openNavigation(location, name)}
        />
        {call}
      </View>
    </Card>
  );
}

const styles = StyleSheet.create({
  card: { gap: spacing.xs },
  big: { fontSize: 18, lineHeight: 26 },
  buttons: { gap: spacing.sm, marginTop: spacing.sm },
});
