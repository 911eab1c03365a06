import type { Order } from '@kupwara/shared';
import { formatPaise, typeScale, useTheme } from '@kupwara/shared/ui';
import { cashToCollect } from '@kupwara/shared/values';
import { Text } from 'react-native';
import { messages } from '../../messages';

/** What the rider takes at the door, said before they get there. */
export function CashToCollect({ order }: { order: Pick<Order, 'payment_method' | 'total_paise'> }) {
  const { colors } = useTheme();
  const cash = cashToCollect(order.payment_method, order.total_paise);
  return (
    <Text style={[typeScale.title, { color: colors.text }]}>
      {cash > 0 ? messages.delivery.cash(formatPaise(cash)) : messages.delivery.paid}
    </Text>
  );
}
