import { StyleSheet, Text, View } from 'react-native';
import { radius, spacing, typeScale } from './theme';
import { type Tone, toneColors } from './tone';
import { useTheme } from './use-theme';

export interface BadgeProps {
  label: string;
  tone?: Tone;
}

/** A short status word in a coloured pill, e.g. "Open" or "Out of stock". The word carries the meaning, not the colour. */
export function Badge({ label, tone = 'neutral' }: BadgeProps) {
  const { colors } = useTheme();
  const { background, foreground } = toneColors(colors, tone);
  return (
    <View style={[styles.pill, { backgroundColor: background }]}>
      <Text style={[styles.label, { color: foreground }]}>{label}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  // Sized by its text so it can sit in a row next to a title without stretching.
  pill: {
    alignSelf: 'flex-start',
    borderRadius: radius.pill,
    paddingHorizontal: spacing.sm,
    paddingVertical: 2,
  },
  label: { ...typeScale.caption, fontWeight: '600' },
});
