import type { PaymentMethod } from '@kupwara/shared';
import { minTouchTarget, radius, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';

const words = messages.cart;

export interface PaymentChoiceProps {
  /** What the shop takes: a way it does not take is not offered. */
  accepted: readonly PaymentMethod[];
  /** Whether the phone is online: paying online needs it, so offline it shows but cannot be picked. */
  online: boolean;
  /** The way the order will be paid (`chosenMethod`); null when none can be used now. */
  chosen: PaymentMethod | null;
  onChange: (method: PaymentMethod) => void;
}

/** How the customer pays: cash on delivery or online, as the shop takes them. */
export function PaymentChoice({ accepted, online, chosen, onChange }: PaymentChoiceProps) {
  const { colors } = useTheme();
  const onlineOnly = !accepted.includes('cash');
  return (
    <View accessibilityRole="radiogroup" accessibilityLabel={words.payment} style={styles.group}>
      <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.payment}</Text>
      {accepted.includes('cash') ? (
        <Option
          title={words.cash}
          hint={words.cashHint}
          selected={chosen === 'cash'}
          onPress={() => onChange('cash')}
        />
      ) : null}
      {accepted.includes('online') ? (
        <Option
          title={words.online}
          hint={online ? words.onlineHint : onlineOnly ? words.onlineOnlyOffline : words.onlineNeedsConnection}
          selected={chosen === 'online'}
          disabled={!online}
          onPress={() => onChange('online')}
        />
      ) : null}
    </View>
  );
}

function Option(props: { title: string; hint: string; selected: boolean; disabled?: boolean; onPress: () => void }) {
  const { colors } = useTheme();
  const { title, hint, selected, disabled = false, onPress } = props;
  const edge = disabled ? colors.disabled : selected ? colors.primary : colors.outline;
  return (
    <Pressable
      accessibilityRole="radio"
      accessibilityLabel={title}
      accessibilityHint={hint}
      accessibilityState={{ checked: selected, disabled }}
      disabled={disabled}
      onPress={onPress}
      style={({ pressed }) => [
        styles.option,
        { borderColor: edge, backgroundColor: colors.surface },
        pressed && styles.pressed,
      ]}
    >
      <View style={[styles.dot, { borderColor: edge }]}>
        {selected ? <View style={[styles.inner, { backgroundColor: colors.primary }]} /> : null}
      </View>
      <View style={styles.words}>
        <Text style={[typeScale.label, { color: disabled ? colors.textMuted : colors.text }]}>{title}</Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{hint}</Text>
      </View>
    </Pressable>
  );
}

const dot = 22;

const styles = StyleSheet.create({
  group: { gap: spacing.sm },
  option: {
    minHeight: minTouchTarget + 8,
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.md,
    padding: spacing.md,
    borderWidth: 2,
    borderRadius: radius.md,
  },
  pressed: { opacity: 0.8 },
  dot: {
    width: dot,
    height: dot,
    borderRadius: dot / 2,
    borderWidth: 2,
    alignItems: 'center',
    justifyContent: 'center',
  },
  inner: { width: dot / 2, height: dot / 2, borderRadius: dot / 4 },
  words: { flex: 1, gap: 2 },
});
