import { type StyleProp, StyleSheet, Text, type TextStyle, View } from 'react-native';
import { messages } from './messages';
import { formatPaise } from './money';
import { spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

export interface PriceProps {
  paise: number;
  /** The price the user saw before, struck through beside the new one when a price has changed. */
  was?: number;
  style?: StyleProp<TextStyle>;
}

/** A rupee amount from integer paise, read aloud as one phrase ("₹120, was ₹100"). */
export function Price({ paise, was, style }: PriceProps) {
  const { colors } = useTheme();
  const now = formatPaise(paise);
  const before = was === undefined ? undefined : formatPaise(was);
  return (
    <View
      accessible
      accessibilityRole="text"
      accessibilityLabel={before ? messages.price.changed(now, before) : now}
      style={styles.row}
    >
      <Text style={[typeScale.label, { color: colors.text }, style]}>{now}</Text>
      {before ? <Text style={[styles.was, { color: colors.textMuted }]}>{before}</Text> : null}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'baseline', gap: spacing.sm },
  was: { ...typeScale.caption, textDecorationLine: 'line-through' },
});
