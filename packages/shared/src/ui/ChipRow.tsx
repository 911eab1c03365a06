import type { ReactNode } from 'react';
import { ScrollView, type StyleProp, StyleSheet, type ViewStyle } from 'react-native';
import { spacing } from './theme';

export interface ChipRowProps {
  /** The chips, in order. */
  children: ReactNode;
  /** Space before the first chip and after the last, to line up with the screen's content. */
  inset?: number;
  /** Outer spacing only (margins): the row itself stays exactly one chip tall. */
  style?: StyleProp<ViewStyle>;
  testID?: string;
}

/** Chips side by side, scrolling sideways when they do not fit: always one chip tall. */
export function ChipRow({ children, inset = 0, style, testID }: ChipRowProps) {
  return (
    <ScrollView
      horizontal
      showsHorizontalScrollIndicator={false}
      testID={testID}
      style={[styles.row, style]}
      contentContainerStyle={[styles.content, { paddingHorizontal: inset }]}
    >
      {children}
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  // A scroll view grows to fill its column, sideways ones too: in a screen's body the row would take
  // the height the list below should have, and each chip stretched to it would be a tall oval.
  row: { flexGrow: 0, flexShrink: 0 },
  content: { alignItems: 'center', gap: spacing.sm },
});
