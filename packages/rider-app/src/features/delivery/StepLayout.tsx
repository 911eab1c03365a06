import { Button, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import type { ReactNode } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';

/** The height of a step's main action: riders press it in gloves, standing, phone in one hand. */
export const MAIN_ACTION_HEIGHT = 64;

export interface StepLayoutProps {
  /** What this step asks of the rider, large at the top. */
  heading: string;
  children: ReactNode;
  /** The step's main action, full width at the bottom within the thumb's reach. */
  action?: { title: string; onPress: () => void; disabled?: boolean };
  /** Smaller ways out, above the main action ("Back"). */
  below?: ReactNode;
}

/** One step of a delivery: a heading, what the rider needs for it, and one big button at the bottom. */
export function StepLayout({ heading, children, action, below }: StepLayoutProps) {
  const { colors } = useTheme();
  return (
    <View style={styles.root}>
      <ScrollView contentContainerStyle={styles.content}>
        <Text role="heading" aria-level={2} style={[typeScale.display, { color: colors.text }]}>
          {heading}
        </Text>
        {children}
      </ScrollView>
      {action || below ? (
        <View style={[styles.bar, { borderTopColor: colors.border, backgroundColor: colors.background }]}>
          {below}
          {action ? (
            <Button title={action.title} onPress={action.onPress} disabled={action.disabled} style={styles.main} />
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  content: { padding: spacing.md, gap: spacing.md },
  bar: { padding: spacing.md, gap: spacing.sm, borderTopWidth: StyleSheet.hairlineWidth },
  main: { minHeight: MAIN_ACTION_HEIGHT, width: '100%' },
});
