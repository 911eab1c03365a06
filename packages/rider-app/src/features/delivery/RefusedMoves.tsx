import type { QueuedMove } from '@kupwara/shared/client';
import { Button, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';

/**
 * A step the server refused, other than a code (the hand-over shows those itself): why, in the
 * kit's words (the order has moved on, say), until the rider has read it.
 */
export function RefusedMoves({
  failed,
  onDismiss,
}: {
  failed: readonly QueuedMove[];
  onDismiss: (id: string) => void;
}) {
  const { colors } = useTheme();
  return failed
    .filter((move) => move.params.request.to !== 'DELIVERED')
    .map((move) => (
      <View key={move.id} style={[styles.refused, { borderColor: colors.danger }]}>
        <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
          {move.error?.message}
        </Text>
        <Button variant="secondary" title={messages.delivery.dismiss} onPress={() => onDismiss(move.id)} />
      </View>
    ));
}

const styles = StyleSheet.create({
  refused: {
    margin: spacing.md,
    marginBottom: 0,
    padding: spacing.md,
    gap: spacing.sm,
    borderWidth: 2,
    borderRadius: 12,
  },
});
