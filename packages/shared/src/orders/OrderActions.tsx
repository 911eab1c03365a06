import { StyleSheet, Text, View } from 'react-native';
import { isEnded, type OrderActor } from '../domain/order-machine';
import { Button } from '../ui/Button';
import { messages } from '../ui/messages';
import { useToast } from '../ui/Toast';
import { spacing, typeScale } from '../ui/theme';
import { useTheme } from '../ui/use-theme';
import type { MoveTarget } from './transition-order';
import { useOrderActions } from './use-order-actions';

const words = messages.orderMove;

export interface OrderActionsProps {
  order: MoveTarget;
  actor: OrderActor;
}

/**
 * The buttons for the moves the machine gives `actor` from where the order is (optimistic with
 * feedback): a move shows at once, says while it waits to be sent, and a refusal says why in plain
 * words. Moves that need a reason or a code need a form: build it on `useOrderActions`.
 */
export function OrderActions({ order, actor }: OrderActionsProps) {
  const { colors } = useTheme();
  const toast = useToast();
  const actions = useOrderActions(order, actor);

  async function press(to: MoveTarget['status']) {
    const done = await actions.move(to);
    if (done.outcome === 'annihilated') toast.show(words.cancelledUnsent, { tone: 'success' });
    if (done.outcome === 'too-late') toast.show(words.tooLate, { tone: 'info' });
  }

  return (
    <View style={styles.actions}>
      {actions.waiting.map((action) => (
        <Text key={action.id} role="status" style={[typeScale.body, { color: colors.textMuted }]}>
          {words.waiting(action.params.request.to)}
        </Text>
      ))}
      {actions.failed.map((action) => (
        <View key={action.id} style={styles.actions}>
          <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
            {action.error?.message}
          </Text>
          <View style={styles.row}>
            {action.error?.conflict ? null : <Button title={words.retry} onPress={() => actions.retry(action.id)} />}
            <Button variant="secondary" title={words.dismiss} onPress={() => actions.discard(action.id)} />
          </View>
        </View>
      ))}
      {actions.moves
        .filter((rule) => rule.needs.length === 0)
        .map((rule) => (
          <Button
            key={rule.to}
            variant={isEnded(rule.to) ? 'secondary' : 'primary'}
            title={words.button(rule.to)}
            onPress={() => press(rule.to)}
          />
        ))}
    </View>
  );
}

const styles = StyleSheet.create({
  actions: { gap: spacing.sm },
  row: { flexDirection: 'row', gap: spacing.sm },
});
