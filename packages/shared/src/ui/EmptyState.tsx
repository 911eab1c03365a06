import { StyleSheet, Text, View } from 'react-native';
import { Button } from './Button';
import { spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

export interface EmptyStateProps {
  title: string;
  message: string;
  /** The one thing that can help, e.g. "Retry" after a failed load. */
  action?: { title: string; onPress: () => void };
}

/** What a screen shows instead of a list with nothing in it, or content that failed to load. */
export function EmptyState({ title, message, action }: EmptyStateProps) {
  const { colors } = useTheme();
  return (
    <View style={styles.root}>
      <Text accessibilityRole="header" style={[typeScale.title, styles.centred, { color: colors.text }]}>
        {title}
      </Text>
      <Text style={[typeScale.body, styles.centred, { color: colors.textMuted }]}>{message}</Text>
      {action ? <Button title={action.title} onPress={action.onPress} style={styles.action} /> : null}
    </View>
  );
}

const styles = StyleSheet.create({
  root: { flexGrow: 1, alignItems: 'center', justifyContent: 'center', padding: spacing.lg, gap: spacing.sm },
  centred: { textAlign: 'center' },
  action: { marginTop: spacing.md, alignSelf: 'stretch' },
});
