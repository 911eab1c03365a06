import { AppHeader, Button, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';

const notYet = 'Going online is not open yet. It comes in the next update of this app.';

export default function RiderHome() {
  const { colors } = useTheme();
  return (
    <SafeAreaView testID="rider-home" style={[styles.root, { backgroundColor: colors.background }]}>
      <ScrollView contentContainerStyle={styles.content}>
        <AppHeader subtitle="For delivery riders" />
        <View style={styles.intro}>
          <Text accessibilityRole="header" style={[typeScale.display, { color: colors.text }]}>
            Ready to ride?
          </Text>
          <Text style={[typeScale.body, { color: colors.textMuted }]}>
            Go online when you are free to deliver. You get orders from shops near you and the route to each customer.
          </Text>
        </View>
        <View style={styles.actions}>
          <Button title="Go online" disabled accessibilityHint={notYet} testID="rider-go-online" />
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
