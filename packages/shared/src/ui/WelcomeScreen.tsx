import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { AppHeader } from './AppHeader';
import { Button } from './Button';
import { spacing, typeScale } from './theme';
import { useTheme } from './use-theme';

export interface WelcomeScreenProps {
  testID: string;
  subtitle: string;
  heading: string;
  body: string;
  action: { title: string; testID: string };
  /** Why the action cannot be used yet; the button stays disabled while this is set. */
  unavailableNote?: string;
  onAction?: () => void;
}

/** An app's first screen: who it is for, what it does, and the one thing to do next. */
export function WelcomeScreen({
  testID,
  subtitle,
  heading,
  body,
  action,
  unavailableNote,
  onAction,
}: WelcomeScreenProps) {
  const { colors } = useTheme();
  return (
    <SafeAreaView testID={testID} style={[styles.root, { backgroundColor: colors.background }]}>
      <ScrollView contentContainerStyle={styles.content}>
        <AppHeader subtitle={subtitle} />
        <View style={styles.intro}>
          <Text accessibilityRole="header" style={[typeScale.display, { color: colors.text }]}>
            {heading}
          </Text>
          <Text style={[typeScale.body, { color: colors.textMuted }]}>{body}</Text>
        </View>
        <View style={styles.actions}>
          <Button
            title={action.title}
            testID={action.testID}
            disabled={unavailableNote !== undefined}
            accessibilityHint={unavailableNote}
            onPress={onAction}
          />
          {unavailableNote ? <Text style={[styles.note, { color: colors.textMuted }]}>{unavailableNote}</Text> : null}
        </View>
      </ScrollView>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  root: { flex: 1 },
  content: {
    flexGrow: 1,
    width: '100%',
    maxWidth: 480,
    alignSelf: 'center',
    padding: spacing.lg,
    gap: spacing.xl,
  },
  intro: { gap: spacing.md },
  // Pushed to the bottom so the main action sits under the thumb on tall phones.
  actions: { marginTop: 'auto', gap: spacing.sm },
  note: { ...typeScale.caption, textAlign: 'center' },
});
