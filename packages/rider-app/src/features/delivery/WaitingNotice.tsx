import type { QueuedMove } from '@kupwara/shared/client';
import { spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';

/** Steps made with no signal are on the phone, not lost: said once, above the step. */
export function WaitingNotice({ waiting }: { waiting: readonly QueuedMove[] }) {
  const { colors } = useTheme();
  if (waiting.length === 0) return null;
  return (
    <View style={[styles.notice, { backgroundColor: colors.warning }]}>
      <Text role="status" style={[typeScale.body, { color: colors.onWarning }]}>
        {messages.delivery.waitingToSend}
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({ notice: { padding: spacing.sm, paddingHorizontal: spacing.md } });
