import type { Order, OrderStatus, OrderSummary } from '@kupwara/shared';
import { orderKeys, useQueuedActions, useServices } from '@kupwara/shared/app';
import { queuedMovesOf, withWaitingMoves } from '@kupwara/shared/client';
import { Card, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { isCarried } from '@kupwara/shared/values';
import { useQueries } from '@tanstack/react-query';
import { router } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { useAssignments } from '../assignments';

const words = messages.delivery;

/** What the card of a delivery says the rider does next. */
const nextStep = (status: OrderStatus, waiting: boolean) => {
  if (status === 'RIDER_ASSIGNED') return words.step.toShop;
  if (status === 'PICKED_UP') return words.step.pickedUp;
  if (status === 'IN_TRANSIT') return words.step.toCustomer;
  return waiting ? words.step.confirming : words.step.delivered;
};

/**
 * The deliveries the rider carries now, on the Work tab: each opens its current step. Each order is
 * read in full here too, so it is on the phone before the rider rides into a basement.
 */
export function CurrentDeliveries() {
  const { api, queue } = useServices();
  const { colors } = useTheme();
  const deliveries = useAssignments().data?.deliveries ?? [];
  const actions = useQueuedActions(queue);
  const details = useQueries({
    queries: deliveries.map((delivery) => ({
      queryKey: orderKeys.detail(delivery.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.call('getOrder', { params: { id: delivery.id }, signal }),
    })),
  });
  const shown = deliveries
    .map((summary, index) => {
      // The full order, once read, is the newer: the socket and the rider's own steps keep it current.
      const known: OrderSummary | Order = details[index]?.data ?? summary;
      const moves = queuedMovesOf(actions, summary.id);
      const waiting = moves.some((move) => move.status === 'pending');
      return { order: withWaitingMoves(known, moves), waiting };
    })
    .filter(({ order, waiting }) => isCarried(order.status) || waiting);
  if (shown.length === 0) return null;

  return (
    <View style={styles.list}>
      <Text role="heading" aria-level={2} style={[typeScale.title, { color: colors.text }]}>
        {words.current}
      </Text>
      {shown.map(({ order, waiting }) => {
        const step = nextStep(order.status, waiting);
        return (
          <Card
            key={order.id}
            accessibilityLabel={words.open(order.store.name, step)}
            onPress={() => router.push(`/delivery/${order.id}`)}
            style={[styles.card, { borderColor: colors.primary }]}
          >
            <Text style={[typeScale.title, { color: colors.primary }]}>{step}</Text>
            <Text style={[typeScale.label, { color: colors.text }]}>
              {order.store.name} → {order.customer.name}
            </Text>
            <Text style={[typeScale.body, { color: colors.textMuted }]}>{words.items(order.item_count)}</Text>
          </Card>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  list: { gap: spacing.sm },
  card: { minHeight: 96, gap: spacing.xs, borderWidth: 2 },
});
