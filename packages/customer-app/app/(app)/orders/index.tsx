import type { OrderSummary } from '@kupwara/shared';
import { OrderActions, useOrders, useQueuedActions, useServices, useUnreadCount } from '@kupwara/shared/app';
import { type QueuedActionOf, unplacedOrder } from '@kupwara/shared/client';
import {
  Badge,
  Button,
  Card,
  CountPill,
  EmptyState,
  formatClockTimeWithDay,
  Price,
  Screen,
  Skeleton,
  spacing,
  typeScale,
  messages as ui,
  useTheme,
} from '@kupwara/shared/ui';
import { awaitsPayment } from '@kupwara/shared/values';
import { Link, router } from 'expo-router';
import { FlatList, Pressable, RefreshControl, StyleSheet, Text, View } from 'react-native';
import { cartAfterConflict, conflictItems } from '../../../src/features/cart/cart-conflict';
import { useCustomerStores } from '../../../src/features/customer-stores';
import { messages } from '../../../src/messages';
import type { PlaceOrder } from '../../../src/services';

const words = messages.orders;
const itemCount = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`;

export default function Orders() {
  const { colors } = useTheme();
  const { queue } = useServices();
  const orders = useOrders();
  const queued = useQueuedActions(queue).filter((action) => action.kind === 'placeOrder');
  const unread = useUnreadCount();
  return (
    <Screen
      title={words.title}
      right={
        <Link href="/notifications" asChild>
          <Pressable
            accessibilityRole="link"
            accessibilityLabel={
              unread > 0 ? messages.notifications.linkWithUnread(unread) : messages.notifications.title
            }
            style={styles.bell}
          >
            <Text style={[typeScale.label, { color: colors.primary }]}>{messages.notifications.title}</Text>
            <CountPill count={unread} testID="updates-unread" />
          </Pressable>
        </Link>
      }
    >
      {/* Offline with nothing saved the list waits ("paused"): show what is known rather than a skeleton forever. */}
      {orders.isPending && orders.fetchStatus === 'fetching' && queued.length === 0 ? (
        <Skeleton lines={4} height={64} />
      ) : (
        <FlatList
          data={orders.data?.items ?? []}
          keyExtractor={(order) => order.id}
          contentContainerStyle={styles.list}
          refreshControl={<RefreshControl refreshing={orders.isRefetching} onRefresh={() => orders.refetch()} />}
          ListHeaderComponent={
            <View style={styles.queued}>
              {queued.map((action) => (
                <QueuedOrder key={action.id} action={action} />
              ))}
            </View>
          }
          ListEmptyComponent={
            queued.length ? null : <EmptyState title={words.empty} message={messages.cart.emptyHint} />
          }
          renderItem={({ item }) => <OrderRow order={item} />}
        />
      )}
    </Screen>
  );
}

/** Delivered reads as done; one still to be paid stands out, as it waits on the customer. */
function badgeTone(order: OrderSummary) {
  if (awaitsPayment(order.status)) return 'warning';
  return order.status === 'DELIVERED' ? 'success' : 'info';
}

function OrderRow({ order }: { order: OrderSummary }) {
  const { colors } = useTheme();
  return (
    <Card onPress={() => router.push(`/orders/${order.id}`)} testID={`order-${order.id}`}>
      <View style={styles.row}>
        <Text style={[typeScale.label, styles.grow, { color: colors.text }]}>{order.store.name}</Text>
        <Badge label={ui.orderStatus[order.status]} tone={badgeTone(order)} />
      </View>
      <View style={styles.row}>
        <Text style={[typeScale.caption, styles.grow, { color: colors.textMuted }]}>
          {formatClockTimeWithDay(order.placed_at)} · {itemCount(order.item_count)}
        </Text>
        <Price paise={order.total_paise} />
      </View>
    </Card>
  );
}

/**
 * An order made on this phone that the server does not have yet: waiting (it can still be cancelled,
 * and then nothing is sent), or refused with why.
 */
function QueuedOrder({ action }: { action: QueuedActionOf<'placeOrder', PlaceOrder> }) {
  const { colors } = useTheme();
  const { queue } = useServices();
  const { cart } = useCustomerStores();
  const failed = action.status === 'failed';
  const { shop, lines } = action.params;
  // The customer's cart as the shop has it now: they look it over and order again.
  async function reviewCart() {
    cart.restore(shop, cartAfterConflict(lines, conflictItems(action.error?.details)));
    await queue.discard(action.id);
    router.push('/cart');
  }
  return (
    <Card testID="queued-order">
      <View style={styles.row}>
        <Text style={[typeScale.label, styles.grow, { color: colors.text }]}>
          {shop.name} · {itemCount(lines.reduce((n, line) => n + line.quantity, 0))}
        </Text>
        <Badge label={failed ? words.failed : words.waiting} tone={failed ? 'danger' : 'warning'} />
      </View>
      {failed ? (
        <>
          <Text role="alert" style={[typeScale.body, { color: colors.text }]}>
            {action.error?.message}
          </Text>
          <View style={styles.row}>
            {action.error?.conflict ? (
              <Button title={words.updateCart} onPress={reviewCart} />
            ) : (
              <Button title={words.retry} onPress={() => queue.retry(action.id)} />
            )}
            <Button variant="secondary" title={words.discard} onPress={() => queue.discard(action.id)} />
          </View>
        </>
      ) : (
        <OrderActions order={unplacedOrder(action)} actor="customer" />
      )}
    </Card>
  );
}

const styles = StyleSheet.create({
  list: { padding: spacing.md, gap: spacing.sm },
  queued: { gap: spacing.sm },
  // One style, not an array: a Link's child gets it as is.
  bell: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs, paddingVertical: spacing.sm, minHeight: 48 },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  grow: { flex: 1 },
});
