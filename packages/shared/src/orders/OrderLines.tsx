import { StyleSheet, Text, View } from 'react-native';
import type { Order } from '../contract/orders';
import { messages } from '../ui/messages';
import { Price } from '../ui/Price';
import { spacing, typeScale } from '../ui/theme';
import { useTheme } from '../ui/use-theme';

export interface OrderLinesProps {
  order: Pick<Order, 'items' | 'total_paise'>;
}

/** What was ordered, "2 × Basmati Rice" with what each line costs, and the order's total. */
export function OrderLines({ order }: OrderLinesProps) {
  const { colors } = useTheme();
  return (
    <View style={styles.lines}>
      {order.items.map((item) => (
        <View key={item.product_id} style={styles.line}>
          <Text style={[typeScale.body, styles.grow, { color: colors.text }]}>
            {item.quantity} × {item.name}
          </Text>
          <Price paise={item.unit_price_paise * item.quantity} />
        </View>
      ))}
      <View style={styles.line}>
        <Text style={[typeScale.label, styles.grow, { color: colors.text }]}>{messages.order.total}</Text>
        <Price paise={order.total_paise} />
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  lines: { gap: spacing.md },
  line: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
});
