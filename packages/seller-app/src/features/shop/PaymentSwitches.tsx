import type { PaymentMethod, StoreDetails } from '@kupwara/shared';
import { spacing, typeScale, useTheme, useToast } from '@kupwara/shared/ui';
import { StyleSheet, Switch, Text, View } from 'react-native';
import { messages } from '../../messages';
import { conflictingShop, useUpdateShop } from './queries';

const words = messages.shop.payments;

type Switched = 'accepts_cash' | 'accepts_online';

/**
 * Which way of paying can be turned off now: not the last one customers can use. Online counts
 * only where the platform offers it (the shop's `payment_methods`): with no gateway, cash is the
 * only way to pay, whatever the online switch says.
 */
export function lockedSwitches(shop: Pick<StoreDetails, Switched | 'payment_methods'>): Record<PaymentMethod, boolean> {
  const usable = (method: PaymentMethod) => shop.payment_methods.includes(method);
  return {
    cash: shop.accepts_cash && !usable('online'),
    online: usable('online') && !shop.accepts_cash,
  };
}

/**
 * The shop's two payment switches: cash on delivery and online payment. Each is a blocking change
 * (offline pattern: blocking form): it shows what the server has, saved with the shop's version
 * like the other settings, set again on top of a newer version if the shop changed meanwhile.
 */
export function PaymentSwitches({ shop }: { shop: StoreDetails }) {
  const { colors } = useTheme();
  const toast = useToast();
  const update = useUpdateShop();
  const locked = lockedSwitches(shop);
  const onlineMissing = shop.accepts_online && !shop.payment_methods.includes('online');

  const set = (field: Switched, on: boolean) => {
    const change = field === 'accepts_cash' ? { accepts_cash: on } : { accepts_online: on };
    update.mutate(
      { version: shop.version, ...change },
      {
        onSuccess: () => toast.show(messages.shop.saved, { tone: 'success' }),
        onError: (error) => {
          const current = conflictingShop(error);
          // One fact: on a newer version of the shop, set it again on top of that.
          if (current) update.mutate({ version: current.version, ...change });
          else toast.show(error.message, { tone: 'danger' });
        },
      },
    );
  };

  const row = (method: PaymentMethod, field: Switched, title: string, hint: string) => (
    <View style={styles.row}>
      <View style={styles.grow}>
        <Text style={[typeScale.label, { color: colors.text }]}>{title}</Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{locked[method] ? words.lastOn : hint}</Text>
      </View>
      <Switch
        value={shop[field]}
        onValueChange={(on) => set(field, on)}
        disabled={update.isPending || locked[method]}
        accessibilityLabel={title}
        accessibilityHint={locked[method] ? words.lastOn : hint}
        accessibilityState={{ checked: shop[field], disabled: update.isPending || locked[method] }}
      />
    </View>
  );

  return (
    <View style={styles.list}>
      <Text style={[typeScale.body, { color: colors.textMuted }]}>{words.intro}</Text>
      {row('cash', 'accepts_cash', words.cash, words.cashHint)}
      {row('online', 'accepts_online', words.online, words.onlineHint)}
      {onlineMissing ? (
        <Text style={[typeScale.caption, { color: colors.text }]}>{words.onlineUnavailable}</Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  list: { gap: spacing.md },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.md, minHeight: 56 },
  grow: { flex: 1, gap: spacing.xs },
});
