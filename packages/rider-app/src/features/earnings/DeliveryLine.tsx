import type { RiderEarnings } from '@kupwara/shared';
import { formatDistance, formatPaise, minTouchTarget, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { townClock } from './town-time';

const words = messages.earnings;

type Delivery = RiderEarnings['deliveries'][number];

/** One delivery of the week: when, from which shop, how far, what it earned and the cash it brought. */
export function DeliveryLine({ delivery, first }: { delivery: Delivery; first: boolean }) {
  const { colors } = useTheme();
  const time = townClock(delivery.delivered_at);
  const distance = formatDistance(delivery.distance_m);
  const earned = formatPaise(delivery.earning_paise);
  const cash = delivery.cash_paise > 0 ? formatPaise(delivery.cash_paise) : null;
  return (
    <View
      accessible
      accessibilityLabel={words.line(time, delivery.store_name, distance, earned, cash)}
      style={[styles.row, !first && { borderTopColor: colors.border, borderTopWidth: StyleSheet.hairlineWidth }]}
    >
      <Text style={[typeScale.label, styles.time, { color: colors.textMuted }]}>{time}</Text>
      <View style={styles.grow}>
        <Text numberOfLines={1} style={[typeScale.label, { color: colors.text }]}>
          {delivery.store_name}
        </Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{distance}</Text>
      </View>
      <View style={styles.amounts}>
        <Text style={[typeScale.label, { color: colors.text }]}>{earned}</Text>
        {cash ? <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.cash(cash)}</Text> : null}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    minHeight: minTouchTarget,
    paddingVertical: spacing.sm,
  },
  time: { width: 48 },
  grow: { flex: 1 },
  amounts: { alignItems: 'flex-end' },
});
