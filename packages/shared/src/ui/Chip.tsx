import { Pressable, StyleSheet, Text } from 'react-native';
import { radius, spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

export interface ChipProps {
  label: string;
  selected: boolean;
  onPress: () => void;
}

/** A filter to tap: one of a row (see `ChipRow`), the chosen one filled. */
export function Chip({ label, selected, onPress }: ChipProps) {
  const { colors } = useTheme();
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityState={{ selected }}
      onPress={onPress}
      style={[styles.chip, { borderColor: colors.primary, backgroundColor: selected ? colors.primary : 'transparent' }]}
    >
      <Text numberOfLines={1} style={[typeScale.label, { color: selected ? colors.onPrimary : colors.primary }]}>
        {label}
      </Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  chip: {
    minHeight: 44,
    paddingHorizontal: spacing.md,
    borderWidth: 1.5,
    borderRadius: radius.pill,
    justifyContent: 'center',
  },
});
