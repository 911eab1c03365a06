import { Button, Card, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { useState } from 'react';
import { Linking, Platform, Pressable, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { type ShiftProblem, useShift } from './ShiftProvider';
import { useSecondsSince } from './seconds-since';

const words = messages.shift;

/**
 * The words for a problem: a refusal for good points to settings. A browser remembers a refusal
 * and does not ask again, so on the web any refusal points to the site's settings.
 */
const problemWords = (problem: ShiftProblem) =>
  (problem === 'blocked' || problem === 'refused') && Platform.OS === 'web' ? words.blockedWeb : words[problem];

/**
 * The big online / offline switch at the top of the Work tab: the state in words and colour, one
 * press to change it (asking first when the rider carries an order), and, small, how the location
 * sharing goes.
 */
export function OnlineSwitch() {
  const { colors } = useTheme();
  const shift = useShift();
  const [confirming, setConfirming] = useState(false);
  const secondsSince = useSecondsSince(shift.online ? shift.lastSentAt : null);
  const online = shift.online === true;
  const busy = shift.changing !== null || (shift.online === null && !shift.unknown);
  const state =
    shift.unknown && !shift.changing
      ? words.unknown
      : shift.changing === 'online'
        ? words.goingOnline
        : shift.changing === 'offline'
          ? words.goingOffline
          : online
            ? words.online
            : words.offline;

  const press = () => {
    if (!online) return void shift.goOnline();
    if (shift.delivering) return setConfirming(true);
    void shift.goOffline();
  };

  return (
    <Card>
      <Pressable
        accessibilityRole="switch"
        accessibilityLabel={shift.online === null && !shift.unknown ? words.checking : state}
        accessibilityHint={online ? words.goOffline : words.goOnline}
        accessibilityState={{ checked: online, busy, disabled: busy }}
        disabled={busy}
        onPress={press}
        style={({ pressed }) => [
          styles.switch,
          {
            backgroundColor: online ? colors.success : colors.neutral,
            borderColor: online ? colors.success : colors.outline,
          },
          pressed && styles.pressed,
        ]}
      >
        <View style={styles.state}>
          <Text style={[typeScale.title, { color: online ? colors.onSuccess : colors.onNeutral }]}>
            {shift.online === null && !shift.unknown
              ? words.checking
              : online && !shift.changing
                ? words.onlineShort
                : state}
          </Text>
          {online && !shift.changing ? (
            <Text style={[typeScale.body, { color: colors.onSuccess }]}>{words.sharing}</Text>
          ) : null}
        </View>
        <View style={[styles.track, { backgroundColor: online ? colors.onSuccess : colors.outline }]}>
          <View
            style={[
              styles.knob,
              { backgroundColor: online ? colors.success : colors.surface },
              online ? styles.knobOn : styles.knobOff,
            ]}
          />
        </View>
      </Pressable>
      <Text style={[typeScale.body, { color: colors.textMuted }]}>
        {online ? words.onlineHint : shift.unknown ? words.unknownHint : words.offlineHint}
      </Text>
      {secondsSince !== null ? (
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.lastSent(secondsSince)}</Text>
      ) : null}
      {shift.waiting > 0 ? (
        <Text style={[typeScale.label, { color: colors.text }]}>{words.waiting(shift.waiting)}</Text>
      ) : null}
      {shift.problem ? (
        <View accessibilityRole="alert" style={styles.problem}>
          <Text style={[typeScale.body, { color: colors.danger }]}>{problemWords(shift.problem)}</Text>
          {shift.problem === 'blocked' && Platform.OS !== 'web' ? (
            <Button title={words.openSettings} variant="secondary" onPress={() => void Linking.openSettings()} />
          ) : null}
        </View>
      ) : null}
      {confirming ? (
        <View accessibilityRole="alert" style={[styles.confirm, { borderColor: colors.warning }]}>
          <Text style={[typeScale.label, { color: colors.text }]}>{words.confirmOffline.title}</Text>
          <Text style={[typeScale.body, { color: colors.text }]}>{words.confirmOffline.body}</Text>
          <Button title={words.confirmOffline.no} onPress={() => setConfirming(false)} style={styles.main} />
          <Button
            title={words.confirmOffline.yes}
            variant="secondary"
            onPress={() => {
              setConfirming(false);
              void shift.goOffline();
            }}
            style={styles.main}
          />
        </View>
      ) : null}
    </Card>
  );
}

const styles = StyleSheet.create({
  switch: {
    minHeight: 72,
    width: '100%',
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.md,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    borderRadius: 16,
    borderWidth: 2,
  },
  pressed: { opacity: 0.85 },
  state: { flex: 1 },
  track: { width: 64, height: 36, borderRadius: 18, justifyContent: 'center', paddingHorizontal: 3 },
  knob: { width: 30, height: 30, borderRadius: 15 },
  knobOn: { alignSelf: 'flex-end' },
  knobOff: { alignSelf: 'flex-start' },
  problem: { gap: spacing.sm },
  confirm: { gap: spacing.sm, borderWidth: 2, borderRadius: 12, padding: spacing.md },
  main: { minHeight: 56 },
});
