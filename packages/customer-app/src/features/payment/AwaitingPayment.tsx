import type { Order } from '@kupwara/shared';
import { OrderActions, useOnline, useServices } from '@kupwara/shared/app';
import { Button, Card, formatPaise, spacing, typeScale, useNow, useTheme } from '@kupwara/shared/ui';
import { useEffect, useRef } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { usePayOnline } from './use-pay-online';

const words = messages.payment;

/** "14:05" for what is left of the time to pay; whole seconds, never below zero. */
export function minutesAndSeconds(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export interface AwaitingPaymentProps {
  order: Order;
  /** Opens the checkout as the screen opens (just after the order was placed), once. */
  payNow?: boolean;
}

/**
 * An order placed to be paid online and not paid yet: what to pay, the time left before it is
 * cancelled, the button that opens the checkout again (the same gateway order every time), and
 * the customer's way out (cancelling).
 */
export function AwaitingPayment({ order, payNow = false }: AwaitingPaymentProps) {
  const { colors } = useTheme();
  const { connectivity } = useServices();
  const online = useOnline(connectivity);
  const { pay, step, problem } = usePayOnline(order.id);
  const now = useNow();
  const amount = formatPaise(order.total_paise);
  const left = order.payment.pay_by ? Date.parse(order.payment.pay_by) - now.getTime() : null;
  const timeUp = left !== null && left <= 0;

  const opened = useRef(false);
  useEffect(() => {
    if (!payNow || opened.current) return;
    opened.current = true;
    void pay();
  }, [payNow, pay]);

  return (
    <Card testID="awaiting-payment">
      <Text role="heading" aria-level={2} style={[typeScale.title, { color: colors.text }]}>
        {words.awaiting}
      </Text>
      <View style={styles.row}>
        <Text style={[typeScale.label, styles.grow, { color: colors.text }]}>{words.amount(amount)}</Text>
        {left === null || timeUp ? null : (
          <Text testID="pay-time-left" style={[typeScale.label, { color: colors.text }]}>
            {words.timeLeft(minutesAndSeconds(left))}
          </Text>
        )}
      </View>
      <Text style={[typeScale.body, { color: colors.textMuted }]}>{timeUp ? words.timeUp : words.awaitingHint}</Text>
      {problem ? (
        <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
          {problem}
        </Text>
      ) : null}
      {online ? null : (
        <Text role="status" style={[typeScale.body, { color: colors.text }]}>
          {words.offline}
        </Text>
      )}
      <Button
        title={step === 'confirming' ? words.confirming : words.pay(amount)}
        loading={step !== 'idle'}
        disabled={!online || timeUp}
        onPress={() => void pay()}
        testID="pay-now"
      />
      {/* Giving up paying is the other way out: it sits beside the payment, not below the timeline. */}
      <OrderActions order={order} actor="customer" />
    </Card>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'baseline', flexWrap: 'wrap', gap: spacing.sm },
  grow: { flexGrow: 1 },
});
