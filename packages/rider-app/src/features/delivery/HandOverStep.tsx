import type { Order } from '@kupwara/shared';
import { CallButtons } from '@kupwara/shared/app';
import { Button, formatPaise, radius, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { cashToCollect } from '@kupwara/shared/values';
import { useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { messages } from '../../messages';
import type { HandOverRefusal } from './delivery-step';
import { MAIN_ACTION_HEIGHT, StepLayout } from './StepLayout';

const words = messages.delivery;
const CODE_LENGTH = 4;

export interface HandOverStepProps {
  order: Order;
  /** Why the server refused the code typed last, or null. */
  refusal: HandOverRefusal | null;
  /** For cash on delivery: the rider confirmed they took the cash. */
  cashTaken: boolean;
  onCashTaken: (taken: boolean) => void;
  onDeliver: (otp: string) => void;
  onBack: () => void;
}

/** Step 4: the customer's code, and for cash on delivery the cash confirmed, before Deliver. */
export function HandOverStep({
  order,
  refusal,
  cashTaken: collected,
  onCashTaken,
  onDeliver,
  onBack,
}: HandOverStepProps) {
  const { colors } = useTheme();
  const [code, setCode] = useState('');
  const cash = cashToCollect(order.payment_method, order.total_paise);
  const locked = refusal?.kind === 'locked';
  const ready = code.length === CODE_LENGTH && (cash === 0 || collected) && !locked;
  const shopToCall = locked
    ? { ...order, store: { ...order.store, phone: refusal.storePhone ?? order.store.phone } }
    : order;

  return (
    <StepLayout
      heading={words.step.handOver}
      action={locked ? undefined : { title: words.deliver, disabled: !ready, onPress: () => onDeliver(code) }}
      below={<Button variant="secondary" title={words.backToRide} onPress={onBack} />}
    >
      {refusal ? (
        <Text role="alert" style={[typeScale.title, { color: colors.danger }]}>
          {refusal.kind === 'wrong-code'
            ? words.wrongCode(refusal.triesLeft)
            : refusal.kind === 'locked'
              ? words.locked
              : refusal.message}
        </Text>
      ) : null}
      {locked ? (
        <CallButtons order={shopToCall} parties={['store']} />
      ) : (
        <>
          <Text style={[typeScale.label, { color: colors.text }]}>{words.code}</Text>
          <TextInput
            accessibilityLabel={words.code}
            value={code}
            onChangeText={(typed) => setCode(typed.replace(/\D/g, '').slice(0, CODE_LENGTH))}
            keyboardType="number-pad"
            inputMode="numeric"
            maxLength={CODE_LENGTH}
            autoComplete="off"
            style={[styles.code, { color: colors.text, borderColor: colors.outline, backgroundColor: colors.surface }]}
          />
          <Text style={[typeScale.body, { color: colors.textMuted }]}>{words.codeHint}</Text>
          {cash > 0 ? (
            <Pressable
              role="checkbox"
              aria-checked={collected}
              accessibilityLabel={words.collected(formatPaise(cash))}
              onPress={() => onCashTaken(!collected)}
              style={[styles.tick, { borderColor: collected ? colors.primary : colors.outline }]}
            >
              <View
                style={[
                  styles.box,
                  { borderColor: colors.primary, backgroundColor: collected ? colors.primary : 'transparent' },
                ]}
              >
                {collected ? <Text style={[typeScale.title, { color: colors.onPrimary }]}>✓</Text> : null}
              </View>
              <Text style={[typeScale.title, styles.grow, { color: colors.text }]}>
                {words.collected(formatPaise(cash))}
              </Text>
            </Pressable>
          ) : null}
        </>
      )}
    </StepLayout>
  );
}

const styles = StyleSheet.create({
  code: {
    fontSize: 44,
    lineHeight: 56,
    fontWeight: '700',
    letterSpacing: 16,
    textAlign: 'center',
    minHeight: 72,
    borderWidth: 2,
    borderRadius: radius.md,
  },
  tick: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.md,
    minHeight: MAIN_ACTION_HEIGHT,
    padding: spacing.sm,
    borderWidth: 2,
    borderRadius: radius.md,
  },
  box: {
    width: 40,
    height: 40,
    borderWidth: 3,
    borderRadius: radius.sm,
    alignItems: 'center',
    justifyContent: 'center',
  },
  grow: { flex: 1 },
});
