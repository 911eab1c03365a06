import { useChannel, useServices } from '@kupwara/shared/app';
import { Badge, formatClockTime, spacing, typeScale, useTheme, useToast } from '@kupwara/shared/ui';
import { channels } from '@kupwara/shared/values';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Pressable, StyleSheet, Switch, Text, View } from 'react-native';
import { messages } from '../../messages';
import { BusySheet, useBusyNow } from './BusySheet';
import { conflictingShop, myShopKeys, useMyShop, useUpdateShop } from './queries';

const words = messages.shop.status;

/**
 * The shop's open/closed switch and busy mode, at hand on every tab (the tabs layout shows it
 * above them). The switch is a blocking change: it shows what the server has, not a guess.
 */
export function ShopStatusSwitch() {
  const { colors } = useTheme();
  const toast = useToast();
  const shop = useMyShop();
  const update = useUpdateShop();
  const [busyOpen, setBusyOpen] = useState(false);
  const data = shop.data;
  const busyNow = useBusyNowOrNothing(data);
  const client = useQueryClient();
  const { push } = useServices();
  // A change made on another device of the shop (or through the API) comes on the store's channel.
  useChannel(data ? channels.store(data.id) : null, (frame) => {
    if (frame.type === 'store') client.setQueryData(myShopKeys.shop(), frame.store);
  });
  if (!data) return null;
  const accepting = data.is_accepting_orders;
  const status = !accepting ? words.closed : data.is_open_now ? words.open : words.outsideHours;
  const busyLabel = busyNow.paused
    ? words.paused(formatClockTime(busyNow.paused))
    : busyNow.extra && busyNow.extraUntil
      ? words.extra(busyNow.extra, formatClockTime(busyNow.extraUntil))
      : words.busy;

  // Opening the shop is when new-order pushes make sense: asked then, once; a no is not asked again.
  const askForPush = (on: boolean) => {
    if (on) void push.ask();
  };
  const flip = (on: boolean) =>
    update.mutate(
      { version: data.version, is_accepting_orders: on },
      {
        onSuccess: () => askForPush(on),
        onError: (error) => {
          const current = conflictingShop(error);
          // The switch is one fact: on a newer version, set it again on top of that.
          if (current)
            update.mutate({ version: current.version, is_accepting_orders: on }, { onSuccess: () => askForPush(on) });
          else toast.show(error.message, { tone: 'danger' });
        },
      },
    );

  return (
    <View style={[styles.bar, { backgroundColor: colors.surface, borderBottomColor: colors.border }]}>
      <View style={styles.switch}>
        <Switch
          value={accepting}
          onValueChange={flip}
          disabled={update.isPending}
          accessibilityLabel={words.switchLabel}
          accessibilityState={{ checked: accepting, busy: update.isPending }}
        />
        <View style={styles.badge}>
          <Badge label={status} tone={accepting && data.is_open_now ? 'success' : 'neutral'} />
        </View>
        <Text numberOfLines={1} style={[typeScale.label, styles.name, { color: colors.text }]}>
          {data.name}
        </Text>
      </View>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={busyLabel}
        onPress={() => setBusyOpen(true)}
        style={[styles.busy, { borderColor: busyNow.paused || busyNow.extra ? colors.warning : colors.primary }]}
      >
        <Text numberOfLines={1} style={[typeScale.label, { color: colors.text }]}>
          {busyLabel}
        </Text>
      </Pressable>
      <BusySheet shop={data} visible={busyOpen} onClose={() => setBusyOpen(false)} />
    </View>
  );
}

const empty = { paused_until: null, extra_prep_minutes: 0, extra_prep_until: null } as never;
/** The hooks run on every render, with or without a shop yet. */
const useBusyNowOrNothing = (shop: Parameters<typeof useBusyNow>[0] | undefined) => useBusyNow(shop ?? empty);

const styles = StyleSheet.create({
  bar: {
    flexDirection: 'row',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: spacing.sm,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.xs,
    borderBottomWidth: StyleSheet.hairlineWidth,
  },
  switch: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm, flex: 1, minHeight: 48 },
  badge: { justifyContent: 'center' },
  name: { flex: 1 },
  busy: {
    minHeight: 48,
    maxWidth: '55%',
    justifyContent: 'center',
    paddingHorizontal: spacing.sm + spacing.xs,
    borderWidth: 1.5,
    borderRadius: 999,
  },
});
