import { AppHeader, Button, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';

const notYet = 'Finding shops is not open yet. It comes in the next update of this app.';

export default function CustomerHome() {
  const { colors } = useTheme();
  return (
    <SafeAreaView testID="customer-home" style={[styles.root, { backgroundColor: colors.background }]}>
      <ScrollView contentContainerStyle={styles.content}>
        <AppHeader subtitle="Shops in your town, delivered" />
        <View style={styles.intro}>
          <Text accessibilityRole="header" style={[typeScale.display, { color: colors.text }]}>
            Shops near you in Kupwara
          </Text>
          <Text style={[typeScale.body, { color: colors.textMuted }]}>
            Order groceries, medicines and everyday things from the shops around you. A rider from your town brings them
            to your door.
          </Text>
        </View>
        <View style={styles.actions}>
          <Button title="Find shops near me" disabled accessibilityHint={notYet} testID="customer-find-shops" />
          <Text style={[styles.note, { color: colors.textMuted }]}>{notYet}</Text>
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
