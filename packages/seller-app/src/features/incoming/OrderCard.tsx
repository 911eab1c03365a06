import type { OrderSummary } from '@kupwara/shared';
import {
  Badge,
  Card,
  formatClockTime,
  formatPaise,
  minTouchTarget,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { awaitsAnswer } from '@kupwara/shared/values';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { firstName, formatCountdown, secondsLeft } from './order-groups';
import { RespondToOrder } from './RespondToOrder';

const words = messages.orders;

export interface OrderCardProps {
  order: OrderSummary;
  now: Date;
  onOpen: (order: OrderSummary) => void;
}

/** One order in the tab: who, how much, how long is left to answer, and the shop's next step. */
export function OrderCard({ order, now, onOpen }: OrderCardProps) {
  const { colors } = useTheme();
  const name = firstName(order.customer.name);
  const items = words.items(order.item_count);
  const total = formatPaise(order.total_paise);
  const paid = words.paidBy[order.payment_method];
  const left = awaitsAnswer(order.status) ? secondsLeft(order, now) : undefined;
  return (
    <Card testID={`incoming-${order.id}`} style={styles.card}>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={words.openLabel(name, items, total, paid)}
        onPress={() => onOpen(order)}
        testID={`open-${order.id}`}
        style={({ pressed }) => [styles.head, pressed && styles.pressed]}
      >
        <View style={styles.row}>
          <Text style={[typeScale.title, styles.name, { color: colors.text }]} numberOfLines={1}>
            {name}
          </Text>
          {!order.seen && awaitsAnswer(order.status) ? <Badge label={words.unseen} tone="warning" /> : null}
        </View>
        <Text style={[typeScale.body, { color: colors.text }]}>
          {items} · {total} · {paid}
        </Text>
        {left !== undefined ? (
          <Text role="timer" style={[typeScale.label, { color: left < 60 ? colors.danger : colors.textMuted }]}>
            {left > 0 ? words.cancelsIn(formatCountdown(left)) : words.cancelling}
          </Text>
        ) : null}
        {order.ready_by && !awaitsAnswer(order.status) ? (
          <Text style={[typeScale.label, { color: colors.textMuted }]}>
            {words.readyBy(formatClockTime(order.ready_by))}
          </Text>
        ) : null}
      </Pressable>
      <RespondToOrder order={order} />
    </Card>
  );
}

const styles = StyleSheet.create({
  card: { gap: spacing.md },
  head: { gap: spacing.xs, minHeight: minTouchTarget },
  pressed: { opacity: 0.7 },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  name: { flexShrink: 1 },
});
