import type { ReactNode } from 'react';
import { Pressable, type StyleProp, StyleSheet, View, type ViewStyle } from 'react-native';
import { minTouchTarget, radius, spacing } from './theme';
import { useTheme } from './use-theme';

export interface CardProps {
  children: ReactNode;
  /** Makes the whole card one button, e.g. a shop in a list that opens the shop. */
  onPress?: () => void;
  /** A pressable card reads its texts joined together; set this when a shorter name is clearer. */
  accessibilityLabel?: string;
  accessibilityHint?: string;
  testID?: string;
  style?: StyleProp<ViewStyle>;
}

/** A surface that groups related content; pressable when it leads somewhere. */
export function Card({ children, onPress, accessibilityLabel, accessibilityHint, testID, style }: CardProps) {
  const { colors } = useTheme();
  const surface = [styles.card, { backgroundColor: colors.surface, borderColor: colors.border }];

  if (!onPress) {
    return (
      <View testID={testID} style={[surface, style]}>
        {children}
      </View>
    );
  }
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={accessibilityLabel}
      accessibilityHint={accessibilityHint}
      onPress={onPress}
      testID={testID}
      style={({ pressed }) => [surface, styles.pressable, pressed && styles.pressed, style]}
    >
      {children}
    </Pressable>
  );
}

const styles = StyleSheet.create({
  card: {
    borderWidth: StyleSheet.hairlineWidth,
    borderRadius: radius.md,
    padding: spacing.md,
    gap: spacing.sm,
  },
  pressable: { minHeight: minTouchTarget },
  pressed: { opacity: 0.8 },
});
