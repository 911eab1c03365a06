import type { Order, PaymentEntry } from '@kupwara/shared';
import { Card, formatClockTimeWithDay, formatPaise, Price, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';

const words = messages.payment;

/** Where the order's money stands, in one plain line; null where there is nothing to say. */
export function paymentLine({ payment, total_paise }: Pick<Order, 'payment' | 'total_paise'>): string | null {
  const amount = formatPaise(total_paise);
  switch (payment.state) {
    case 'due':
      return words.dueCash(amount);
    case 'collected':
      return words.collected(amount);
    case 'paid':
      return words.paid(amount);
    case 'refunding':
      return words.refunding(amount);
    case 'refunded':
      return words.refunded(amount);
    case 'refund_failed':
      return words.refundFailed(amount);
    case 'void':
      return payment.method === 'online' ? words.notPaid : null;
    // Said by the awaiting-payment card, with its time left and its button.
    case 'awaiting':
      return null;
  }
}

/** One ledger row as the customer reads it: "Online payment · UPI · failed", and why it failed. */
function entryWords(entry: PaymentEntry): string {
  const instrument = entry.instrument ? words.instrument(entry.instrument) : null;
  return [words.entry[entry.kind], instrument, words.entryStatus[entry.status]].filter(Boolean).join(' · ');
}

/** The order's payment line and, when the server sent it, its history: every attempt, refund and cash taken. */
export function PaymentSummary({ order }: { order: Order }) {
  const { colors } = useTheme();
  const line = paymentLine(order);
  const history = order.payment.history ?? [];
  if (!line && history.length === 0) return null;
  return (
    <Card testID="payment-summary">
      <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.title}</Text>
      {line ? (
        <Text testID="payment-line" style={[typeScale.label, { color: colors.text }]}>
          {line}
        </Text>
      ) : null}
      {history.length ? (
        <View accessibilityRole="list" accessibilityLabel={words.history} style={styles.history}>
          {history.map((entry) => (
            <View key={entry.id} style={styles.entry}>
              <View style={styles.row}>
                <Text style={[typeScale.body, styles.grow, { color: colors.text }]}>{entryWords(entry)}</Text>
                <Price paise={entry.amount_paise} />
              </View>
              <Text style={[typeScale.caption, { color: colors.textMuted }]}>
                {formatClockTimeWithDay(entry.created_at)}
                {entry.error ? ` · ${entry.error}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </Card>
  );
}

const styles = StyleSheet.create({
  history: { gap: spacing.sm },
  entry: { gap: 2 },
  row: { flexDirection: 'row', alignItems: 'baseline', gap: spacing.sm },
  grow: { flex: 1 },
});
