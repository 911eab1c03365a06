import { useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useQueuedActions } from '../offline/hooks';
import { useServices } from '../providers';
import { Button } from '../ui/Button';
import { messages } from '../ui/messages';
import { Sheet } from '../ui/Sheet';
import { spacing, typeScale } from '../ui/theme';
import { useTheme } from '../ui/use-theme';

const words = messages.signOut;

export interface SignOutButtonProps {
  /** Where to go once signed out (the sign-in screen). */
  onSignedOut?: () => void;
  /** What is lost with the unsent actions, in this app's words (a rider's are delivery steps); the kit's by default. */
  unsent?: (count: number) => string;
}

/**
 * Signs out, first asking whether to give up the changes not sent yet. A sheet, not an `Alert`:
 * react-native-web has no alerts, and the web build is an app too.
 */
export function SignOutButton({ onSignedOut, unsent: unsentWords = words.unsent }: SignOutButtonProps) {
  const { colors } = useTheme();
  const { queue, signOut } = useServices();
  const unsent = useQueuedActions(queue).length;
  const [asking, setAsking] = useState(false);

  async function leave() {
    setAsking(false);
    await signOut();
    onSignedOut?.();
  }

  // Everything went out while the question was open: nothing is lost any more, so do as asked.
  useEffect(() => {
    if (asking && unsent === 0) void leave();
  });

  return (
    <>
      <Button variant="secondary" title={words.button} onPress={() => (unsent > 0 ? setAsking(true) : leave())} />
      <Sheet visible={asking} title={words.title} onClose={() => setAsking(false)}>
        <Text style={[typeScale.body, { color: colors.text }]}>{unsentWords(unsent)}</Text>
        <View style={styles.choices}>
          <Button title={words.keep} onPress={() => setAsking(false)} />
          <Button variant="secondary" title={words.discard} onPress={leave} />
        </View>
      </Sheet>
    </>
  );
}

const styles = StyleSheet.create({
  choices: { gap: spacing.sm },
});
