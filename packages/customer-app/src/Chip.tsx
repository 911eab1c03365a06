import { spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { Pressable, StyleSheet, Text } from 'react-native';

/** A filter to tap: one of a row, the chosen one filled. */
export function Chip({ label, selected, onPress }: { label: string; selected: boolean; onPress: () => void }) {
  const { colors } = useTheme();
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityState={{ selected }}
      onPress={onPress}
      style={[styles.chip, { borderColor: colors.primary, backgroundColor: selected ? colors.primary : 'transparent' }]}
    >
      <Text style={[typeScale.label, { color: selected ? colors.onPrimary : colors.primary }]}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  chip: { minHeight: 44, paddingHorizontal: spacing.md, borderWidth: 1.5, borderRadius: 999, justifyContent: 'center' },
});
