import { minTouchTarget, radius, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { messages } from './messages';

/** Add, or − count + once in the cart: each button is a full touch target with a spoken name. */
export function Stepper({
  name,
  quantity,
  onChange,
}: {
  name: string;
  quantity: number;
  onChange: (next: number) => void;
}) {
  const { colors } = useTheme();
  const button = (label: string, text: string, next: number) => (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      onPress={() => onChange(next)}
      style={[styles.button, { borderColor: colors.primary }]}
    >
      <Text style={[typeScale.label, { color: colors.primary }]}>{text}</Text>
    </Pressable>
  );
  if (quantity === 0) return button(messages.shop.add(name), 'Add', 1);
  return (
    <View style={styles.row}>
      {button(messages.shop.less(name), '−', quantity - 1)}
      <Text accessibilityLabel={`${quantity} in cart`} style={[typeScale.label, styles.count, { color: colors.text }]}>
        {quantity}
      </Text>
      {button(messages.shop.more(name), '+', quantity + 1)}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  button: {
    minWidth: minTouchTarget,
    minHeight: minTouchTarget,
    paddingHorizontal: spacing.md,
    borderWidth: 1.5,
    borderRadius: radius.md,
    alignItems: 'center',
    justifyContent: 'center',
  },
  count: { minWidth: 28, textAlign: 'center' },
});
