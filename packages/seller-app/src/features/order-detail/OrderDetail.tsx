import type { Order } from '@kupwara/shared';
import { CallButtons, useOrder, useOrderLive } from '@kupwara/shared/app';
import {
  Badge,
  Card,
  EmptyState,
  formatClockTimeWithDay,
  formatPaise,
  Screen,
  Skeleton,
  StatusTimeline,
  messages as shared,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { awaitsAnswer, isFinal, nextTransitions } from '@kupwara/shared/values';
import { ScrollView, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useStore } from 'zustand';
import { messages } from '../../messages';
import { firstName } from '../incoming/order-groups';
import { RespondToOrder } from '../incoming/RespondToOrder';
import { PickList } from './PickList';
import { PrintReceipt } from './PrintReceipt';
import type { PickStore } from './pick-store';
import { RiderCard } from './RiderCard';
import { shortOrderId } from './receipt';
import { useOrderRider } from './use-order-rider';

const words = messages.order;
/** Lines on the left, the customer, rider and actions on the right, from a tablet's width. */
export const TWO_COLUMNS_FROM = 768;
const none: readonly string[] = [];

/** One order as the shop works it: what to pick, for whom, who collects it, and the next step. */
export function OrderDetail({ id, picks }: { id: string; picks: PickStore }) {
  const order = useOrder(id);
  if (!order.data) {
    return (
      <Screen title={words.heading(shortOrderId(id))}>
        {order.isPending ? (
          <View style={styles.content}>
            <Skeleton lines={5} height={56} />
          </View>
        ) : (
          <EmptyState
            title={words.loadFailed}
            message={order.error?.message ?? ''}
            action={{ title: words.retry, onPress: () => order.refetch() }}
          />
        )}
      </Screen>
    );
  }
  return <Loaded order={order.data} picks={picks} />;
}

function Loaded({ order, picks }: { order: Order; picks: PickStore }) {
  const { colors } = useTheme();
  const wide = useWindowDimensions().width >= TWO_COLUMNS_FROM;
  const picked = useStore(picks.store, (state) => state[order.id] ?? none);
  const { position } = useOrderLive(order.id);
  const rider = useOrderRider(order.id, order.rider?.id ?? null, position);
  const active = !isFinal(order.status);

  const actions = active ? (
    <View style={styles.column}>
      {nextTransitions(order.status, 'seller').length > 0 ? (
        <Text role="heading" style={[typeScale.label, { color: colors.textMuted }]}>
          {words.actions}
        </Text>
      ) : null}
      <RespondToOrder order={order} />
    </View>
  ) : null;
  // On a phone a new order's answer comes before the lines: its countdown is running.
  const answerFirst = !wide && awaitsAnswer(order.status);

  const lines = (
    <View style={styles.column}>
      <PickList items={order.items} picked={picked} onToggle={(productId) => picks.toggle(order.id, productId)} />
      {order.note ? (
        <Card>
          <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.note}</Text>
          <Text testID="order-note" style={[typeScale.title, { color: colors.text }]}>
            {order.note}
          </Text>
        </Card>
      ) : null}
    </View>
  );
  const side = (
    <View style={styles.column}>
      <Payment order={order} />
      <Card>
        <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.customer}</Text>
        <Text style={[typeScale.title, { color: colors.text }]}>{firstName(order.customer.name)}</Text>
        <Text style={[typeScale.body, { color: colors.text }]}>{order.delivery_address.text}</Text>
        {active ? <CallButtons order={order} parties={['customer']} /> : null}
      </Card>
      <RiderCard
        order={order}
        rider={rider.rider}
        loading={rider.isPending}
        failed={rider.isError}
        onRetry={() => rider.refetch()}
      />
      {answerFirst ? null : actions}
      <PrintReceipt order={order} />
      <StatusTimeline timeline={order.timeline} />
    </View>
  );

  return (
    <Screen title={words.heading(shortOrderId(order.id))}>
      <ScrollView contentContainerStyle={styles.content}>
        <View style={styles.header}>
          <Badge label={shared.orderStatus[order.status]} tone={active ? 'info' : 'neutral'} />
          <Text style={[typeScale.caption, { color: colors.textMuted }]}>
            {words.placedAt(formatClockTimeWithDay(order.placed_at))}
          </Text>
        </View>
        {wide ? (
          <View style={styles.columns}>
            <View style={styles.left}>{lines}</View>
            <View style={styles.right}>{side}</View>
          </View>
        ) : (
          <>
            {answerFirst ? actions : null}
            {lines}
            {side}
          </>
        )}
      </ScrollView>
    </Screen>
  );
}

/** How the order is paid: the cash the rider collects at the door, or paid online already. */
function Payment({ order }: { order: Order }) {
  const { colors } = useTheme();
  if (order.payment.method === 'online') {
    return (
      <Card>
        <Text testID="paid-online" style={[typeScale.title, { color: colors.text }]}>
          {words.paidOnline}
        </Text>
        <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.paidOnlineHint}</Text>
      </Card>
    );
  }
  return (
    <Card>
      <Text style={[typeScale.label, { color: colors.textMuted }]}>{words.cash}</Text>
      <Text testID="cash-to-collect" style={[typeScale.display, { color: colors.text }]}>
        {formatPaise(order.total_paise)}
      </Text>
      <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.cashHint}</Text>
    </Card>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md },
  header: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm, flexWrap: 'wrap' },
  column: { gap: spacing.md },
  columns: { flexDirection: 'row', gap: spacing.lg, alignItems: 'flex-start' },
  left: { flex: 3 },
  right: { flex: 2 },
});
