import { Button, Screen, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { useRouter } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { backgroundLocation } from './background';

const words = messages.shift.background;

/**
 * Why the app would share the location in the background, in plain words, before the phone asks
 * (the app stores require this disclosure first). "Allow" asks the phone; either way the rider
 * goes back to work, and the shift picks the background task up when it was allowed.
 */
export function BackgroundDisclosure({ onAllowed }: { onAllowed?: () => void }) {
  const { colors } = useTheme();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const leave = () => (router.canGoBack() ? router.back() : router.replace('/'));

  const allow = async () => {
    setAsking(true);
    try {
      if (await backgroundLocation.ask()) onAllowed?.();
    } finally {
      setAsking(false);
      leave();
    }
  };

  return (
    <Screen title={words.title}>
      <ScrollView contentContainerStyle={styles.content}>
        <Text accessibilityRole="header" style={[typeScale.title, { color: colors.text }]}>
          {words.question}
        </Text>
        {[words.why, words.whenClosed, words.what, words.when, words.notice].map((line) => (
          <Text key={line} style={[typeScale.body, { color: colors.text }]}>
            {line}
          </Text>
        ))}
        <View style={styles.actions}>
          <Button title={words.allow} onPress={() => void allow()} loading={asking} style={styles.main} />
          <Button title={words.notNow} variant="secondary" onPress={leave} disabled={asking} style={styles.main} />
        </View>
      </ScrollView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md },
  actions: { gap: spacing.sm, marginTop: spacing.sm },
  main: { minHeight: 56 },
});
