import type { OrderStatus, RejectReason } from '@kupwara/shared';
import { useOrderActions } from '@kupwara/shared/app';
import type { MoveTarget } from '@kupwara/shared/client';
import {
  Button,
  Input,
  messages as kit,
  minTouchTarget,
  radius,
  Sheet,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { awaitsAnswer, prepChoices, rejectReasons } from '@kupwara/shared/values';
import { useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { useIncomingIfAny } from './IncomingOrders';
import { usePrepDefault } from './prep-default';

const words = messages.orders;

export interface RespondToOrderProps {
  order: MoveTarget;
}

/**
 * The shop's answer to an order and its next steps (optimistic with feedback, through the queue):
 * a new order is accepted with a preparation time or rejected with a reason; then "Start preparing"
 * and "Ready for pickup". Answering counts as seeing it.
 */
export function RespondToOrder({ order }: RespondToOrderProps) {
  const { colors } = useTheme();
  const actions = useOrderActions(order, 'seller');
  const incoming = useIncomingIfAny();
  const [sheet, setSheet] = useState<'accept' | 'reject' | null>(null);
  const answering = awaitsAnswer(actions.order.status);

  const answer = async (to: OrderStatus, extras: Parameters<typeof actions.move>[1]) => {
    setSheet(null);
    incoming?.markSeen(order.id);
    await actions.move(to, extras);
  };

  return (
    <View style={styles.column}>
      {actions.waiting.map((action) => (
        <Text key={action.id} role="status" style={[typeScale.body, { color: colors.textMuted }]}>
          {kit.orderMove.waiting(action.params.request.to)}
        </Text>
      ))}
      {actions.failed.map((action) => (
        <View key={action.id} style={styles.column}>
          <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
            {action.error?.message}
          </Text>
          <View style={styles.row}>
            {action.error?.conflict ? null : (
              <Button title={kit.orderMove.retry} onPress={() => actions.retry(action.id)} style={styles.grow} />
            )}
            <Button
              variant="secondary"
              title={kit.orderMove.dismiss}
              onPress={() => actions.discard(action.id)}
              style={styles.grow}
            />
          </View>
        </View>
      ))}
      {answering ? (
        <View style={styles.row}>
          <Button title={words.accept} onPress={() => setSheet('accept')} style={styles.grow} testID="accept" />
          <Button
            variant="secondary"
            title={words.reject}
            onPress={() => setSheet('reject')}
            style={styles.grow}
            testID="reject"
          />
        </View>
      ) : (
        actions.moves
          .filter((rule) => rule.needs.length === 0)
          .map((rule) => (
            <Button key={rule.to} title={kit.orderMove.button(rule.to)} onPress={() => actions.move(rule.to)} />
          ))
      )}
      <AcceptSheet
        visible={sheet === 'accept'}
        onClose={() => setSheet(null)}
        onAccept={(prep_minutes) => answer('ACCEPTED', { prep_minutes })}
      />
      <RejectSheet
        visible={sheet === 'reject'}
        onClose={() => setSheet(null)}
        onReject={(reject_reason, reason) => answer('REJECTED', { reject_reason, ...(reason ? { reason } : {}) })}
      />
    </View>
  );
}

/** A big choice to tap: one of a grid of sizes that a thumb finds at the counter. */
function BigChoice({ label, selected, onPress }: { label: string; selected: boolean; onPress: () => void }) {
  const { colors } = useTheme();
  return (
    <Pressable
      accessibilityRole="radio"
      accessibilityState={{ checked: selected }}
      accessibilityLabel={label}
      onPress={onPress}
      style={({ pressed }) => [
        styles.choice,
        { borderColor: colors.primary, backgroundColor: selected ? colors.primary : 'transparent' },
        pressed && styles.pressed,
      ]}
    >
      <Text style={[typeScale.label, { color: selected ? colors.onPrimary : colors.primary }]}>{label}</Text>
    </Pressable>
  );
}

function AcceptSheet(props: { visible: boolean; onClose: () => void; onAccept: (minutes: number) => void }) {
  const suggested = usePrepDefault();
  const [picked, setPicked] = useState<number | null>(null);
  const minutes = picked ?? suggested;
  const choices = prepChoices.includes(suggested as (typeof prepChoices)[number])
    ? prepChoices
    : [...prepChoices, suggested].sort((a, b) => a - b);
  return (
    <Sheet visible={props.visible} title={words.acceptTitle} onClose={props.onClose} testID="accept-sheet">
      <View accessibilityRole="radiogroup" accessibilityLabel={words.prepLabel} style={styles.grid}>
        {choices.map((choice) => (
          <BigChoice
            key={choice}
            label={words.minutes(choice)}
            selected={choice === minutes}
            onPress={() => setPicked(choice)}
          />
        ))}
      </View>
      <Button title={words.acceptWith(minutes)} onPress={() => props.onAccept(minutes)} testID="accept-confirm" />
    </Sheet>
  );
}

function RejectSheet(props: {
  visible: boolean;
  onClose: () => void;
  onReject: (reason: RejectReason, text: string | undefined) => void;
}) {
  const [reason, setReason] = useState<RejectReason | null>(null);
  const [text, setText] = useState('');
  const needsText = reason === 'other' && text.trim() === '';
  return (
    <Sheet visible={props.visible} title={words.rejectTitle} onClose={props.onClose} testID="reject-sheet">
      <View accessibilityRole="radiogroup" accessibilityLabel={words.rejectLabel} style={styles.column}>
        {rejectReasons.map((each) => (
          <BigChoice
            key={each}
            label={words.reasons[each]}
            selected={each === reason}
            onPress={() => setReason(each)}
          />
        ))}
      </View>
      {reason === 'other' ? (
        <Input label={words.otherLabel} value={text} onChangeText={setText} maxLength={300} autoFocus />
      ) : null}
      <Button
        title={words.rejectConfirm}
        disabled={!reason || needsText}
        onPress={() => reason && props.onReject(reason, reason === 'other' ? text.trim() : undefined)}
        testID="reject-confirm"
      />
    </Sheet>
  );
}

const styles = StyleSheet.create({
  column: { gap: spacing.sm },
  row: { flexDirection: 'row', gap: spacing.sm },
  grow: { flex: 1 },
  grid: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  choice: {
    minHeight: minTouchTarget + 8,
    minWidth: 88,
    paddingHorizontal: spacing.md,
    borderWidth: 2,
    borderRadius: radius.md,
    alignItems: 'center',
    justifyContent: 'center',
    flexGrow: 1,
  },
  pressed: { opacity: 0.8 },
});
