import { AppHeader, Button, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';

const notYet = 'Shop sign-in is not open yet. It comes in the next update of this app.';

export default function SellerHome() {
  const { colors } = useTheme();
  return (
    <SafeAreaView testID="seller-home" style={[styles.root, { backgroundColor: colors.background }]}>
      <ScrollView contentContainerStyle={styles.content}>
        <AppHeader subtitle="For shop owners" />
        <View style={styles.intro}>
          <Text accessibilityRole="header" style={[typeScale.display, { color: colors.text }]}>
            Your shop
          </Text>
          <Text style={[typeScale.body, { color: colors.textMuted }]}>
            Take orders from customers nearby, keep your stock up to date and hand each order to a local rider.
          </Text>
        </View>
        <View style={styles.actions}>
          <Button title="Sign in to your shop" disabled accessibilityHint={notYet} testID="seller-sign-in" />
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
