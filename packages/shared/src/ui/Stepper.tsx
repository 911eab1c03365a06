import { Pressable, StyleSheet, Text, View } from 'react-native';
import { messages } from './messages';
import { minTouchTarget, radius, spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

export interface StepperProps {
  /** The product's name, spoken with each button ("One more Kahwa Tea"). */
  name: string;
  quantity: number;
  onChange: (next: number) => void;
}

/** Add, or − count + once there is some: each button is a full touch target with a spoken name. */
export function Stepper({ name, quantity, onChange }: StepperProps) {
  const { colors } = useTheme();
  const words = messages.stepper;
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
  if (quantity === 0) return button(words.addOne(name), words.add, 1);
  return (
    <View style={styles.row}>
      {button(words.less(name), '−', quantity - 1)}
      <Text accessibilityLabel={words.count(quantity)} style={[typeScale.label, styles.count, { color: colors.text }]}>
        {quantity}
      </Text>
      {button(words.more(name), '+', quantity + 1)}
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
