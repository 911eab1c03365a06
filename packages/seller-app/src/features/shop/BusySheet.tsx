import type { BusyModeRequest, StoreDetails } from '@kupwara/shared';
import { Button, formatClockTimeWithDay, Sheet, spacing, typeScale, useTheme, useTimePassed } from '@kupwara/shared/ui';
import { activeExtraPrep, activePause } from '@kupwara/shared/values';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { useSetBusy } from './queries';

const words = messages.shop.busy;

const choices: { title: string; request: BusyModeRequest }[] = [
  { title: words.add15, request: { mode: 'extra_prep', extra_minutes: 15, minutes: 60 } },
  { title: words.add30, request: { mode: 'extra_prep', extra_minutes: 30, minutes: 60 } },
  { title: words.pause30, request: { mode: 'pause', minutes: 30 } },
  { title: words.pause60, request: { mode: 'pause', minutes: 60 } },
  { title: words.pauseTomorrow, request: { mode: 'pause_until_opening' } },
];

/** What busy mode is on now, in words; both parts lift themselves at their time. */
export function useBusyNow(shop: StoreDetails) {
  // Re-render when either part ends, so what is shown lifts with it.
  useTimePassed(shop.paused_until);
  useTimePassed(shop.extra_prep_until);
  const paused = activePause(shop);
  const extra = activeExtraPrep(shop);
  return { paused, extra, extraUntil: extra ? shop.extra_prep_until : null };
}

/** Busy mode: add preparation time or pause new orders, each until a time; or end it now. */
export function BusySheet({ shop, visible, onClose }: { shop: StoreDetails; visible: boolean; onClose: () => void }) {
  const { colors } = useTheme();
  const busy = useSetBusy();
  const { paused, extra, extraUntil } = useBusyNow(shop);
  const now = paused
    ? words.pausedNow(formatClockTimeWithDay(paused))
    : extra && extraUntil
      ? words.extraNow(extra, formatClockTimeWithDay(extraUntil))
      : words.off;
  const choose = (request: BusyModeRequest) => busy.mutate(request, { onSuccess: onClose });
  return (
    <Sheet visible={visible} title={words.title} onClose={onClose} testID="busy-sheet">
      <Text role="status" style={[typeScale.body, { color: colors.text }]}>
        {now}
      </Text>
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.extraHint}</Text>
      <View style={styles.choices}>
        {choices.map((choice) => (
          <Button
            key={choice.title}
            variant="secondary"
            title={choice.title}
            disabled={busy.isPending}
            onPress={() => choose(choice.request)}
          />
        ))}
        {paused || extra ? (
          <Button title={words.endNow} loading={busy.isPending} onPress={() => choose({ mode: 'off' })} />
        ) : null}
      </View>
      {busy.isError ? (
        <Text role="alert" style={[typeScale.body, { color: colors.danger }]}>
          {words.failed}
        </Text>
      ) : null}
    </Sheet>
  );
}

const styles = StyleSheet.create({ choices: { gap: spacing.sm, marginTop: spacing.sm } });
