import { channels, type OrderEvent, type OrderStatus } from '@kupwara/shared';
import { and, eq, isNull, type SQLWrapper } from 'drizzle-orm';
import { recordOrderFact } from '../analytics/facts';
import { catalogChanged } from '../catalog/catalog-cache';
import { restoreStock } from '../catalog/stock';
import { type NotificationRequest, requestNotifications } from '../notifications/requests';
import { broadcast } from '../platform/broadcast';
import { AppError } from '../platform/http/errors';
import type { Job, JobHandler } from '../platform/jobs';
import { executeAsOneStatement } from '../platform/together';
import { type EventJob, type OrderParties, orderJobs } from './effects';
import { SYSTEM } from './order-view';
import type { SeenJob } from './seen';
import { orderItems, orders } from './tables';
import { type OrderDeps, transitionOrder } from './transitions';

export const PENDING_TIMEOUT_REASON = 'The shop did not answer in time';

const orderIdOf = (job: Job) => String(job.payload.order_id);

type Audience = 'customer' | 'seller' | 'rider';
type Message = Partial<Record<Audience, { title: string; body: string }>>;

/** Who hears about each step, and what they read. */
function messagesFor(order: OrderParties, event: OrderEvent): Message {
  const store = order.storeName;
  const rider = order.riderName ?? 'Your rider';
  const reason = event.reason ? `: ${event.reason}` : '';
  const lost = { title: 'Order failed', body: `Order from ${store} could not be completed${reason}` };
  if (event.kind === 'rider_assigned_early') {
    // The rider tapped to take it: they know. The customer and the shop learn who is coming.
    return {
      customer: { title: 'Rider on the way to the shop', body: `${rider} is on the way to ${store} for your order` },
      seller: { title: 'Rider on the way', body: `${rider} is coming to collect ${order.customerName}'s order` },
    };
  }
  const byStatus: Record<OrderStatus, Message> = {
    PENDING: {
      seller: { title: 'New order', body: `${order.customerName}: ${order.itemCount} items, please accept or reject` },
    },
    ACCEPTED: { customer: { title: 'Order accepted', body: `${store} accepted your order` } },
    PREPARING: { customer: { title: 'Being prepared', body: `${store} is packing your order` } },
    READY_FOR_PICKUP: {
      customer: { title: 'Packed', body: `Your order from ${store} is ready and waiting for a rider` },
    },
    RIDER_ASSIGNED: {
      customer: { title: 'Rider on the way to the shop', body: `${rider} will bring your order` },
      rider: { title: 'New delivery', body: `Pick up an order at ${store}, ${order.storeAddress}` },
    },
    PICKED_UP: { customer: { title: 'Picked up', body: `${rider} has your order` } },
    IN_TRANSIT: { customer: { title: 'On the way', body: `${rider} is coming to you` } },
    DELIVERED: {
      customer: { title: 'Delivered', body: `Your order from ${store} was delivered` },
      seller: { title: 'Order delivered', body: `${order.customerName}'s order was delivered` },
    },
    REJECTED: { customer: { title: 'Order not accepted', body: `${store} could not take your order${reason}` } },
    CANCELLED:
      event.actor === 'customer'
        ? { seller: { title: 'Order cancelled', body: `${order.customerName} cancelled their order` } }
        : {
            customer: { title: 'Order cancelled', body: `${store} did not answer in time: nothing will be charged` },
            seller: {
              title: 'Order missed',
              body: `${order.customerName}'s order was cancelled: it was not answered in time`,
            },
          },
    FAILED: { customer: lost, seller: lost, ...(order.riderId ? { rider: lost } : {}) },
  };
  return byStatus[event.status];
}

function notificationsFor(order: OrderParties, event: OrderEvent): NotificationRequest[] {
  const people: Record<Audience, string | null> = {
    customer: order.customerId,
    seller: order.sellerId,
    rider: order.riderId,
  };
  const data = { order_id: order.id, status: event.status, seq: event.seq };
  return Object.entries(messagesFor(order, event)).flatMap(([audience, message]) => {
    const userId = people[audience as Audience];
    if (!userId || !message) return [];
    return [{ userId, kind: 'order.status', ...message, data, dedupeKey: `order:${order.id}:${event.seq}` }];
  });
}

/** The runner's handlers for every order side effect. Each may run twice and does its work once. */
export function orderJobHandlers(deps: OrderDeps): Record<string, JobHandler> {
  const { db, bus, cache } = deps;
  return {
    // Sockets first (people are watching), then the notifications and the facts. A retry repeats
    // the broadcast (clients drop an event whose seq they have) and writes nothing twice.
    async [orderJobs.event](job) {
      const { order, event } = job.payload as EventJob;
      const followers = [channels.order(order.id), channels.store(order.storeId)];
      if (order.riderId) followers.push(channels.rider(order.riderId));
      await Promise.all(followers.map((channel) => broadcast(bus, channel, { type: 'event', event })));
      const told = notificationsFor(order, event);
      const writes: SQLWrapper[] = told.length > 0 ? [requestNotifications(db, told)] : [];
      // The facts count moves between states: a change within one would count its state twice.
      if (event.kind === 'transition') {
        writes.push(
          recordOrderFact(db, {
            orderId: order.id,
            seq: event.seq,
            storeId: order.storeId,
            customerId: order.customerId,
            status: event.status,
            itemCount: order.itemCount,
            totalPaise: order.totalPaise,
            occurredAt: new Date(event.occurred_at),
          }),
        );
      }
      if (writes.length > 0) await executeAsOneStatement(db, writes);
    },
    // Marks the order first, in the same transaction: a second run finds it marked and puts nothing back twice.
    async [orderJobs.restoreStock](job) {
      const storeId = await db.transaction(async (tx) => {
        const [marked] = await tx
          .update(orders)
          .set({ stockRestoredAt: new Date() })
          .where(and(eq(orders.id, orderIdOf(job)), isNull(orders.stockRestoredAt)))
          .returning({ storeId: orders.storeId });
        if (!marked) return undefined;
        const lines = await tx
          .select({ productId: orderItems.productId, quantity: orderItems.quantity })
          .from(orderItems)
          .where(eq(orderItems.orderId, orderIdOf(job)));
        await restoreStock(tx, lines);
        return marked.storeId;
      });
      if (storeId) await catalogChanged(cache, storeId);
    },
    async [orderJobs.seen](job) {
      const seen = job.payload as SeenJob;
      await broadcast(bus, channels.store(seen.store_id), {
        type: 'seen',
        order_id: seen.order_id,
        seen_at: seen.seen_at,
      });
    },
    async [orderJobs.timeout](job) {
      try {
        await transitionOrder(deps, SYSTEM, orderIdOf(job), { to: 'CANCELLED', reason: PENDING_TIMEOUT_REASON });
      } catch (error) {
        // The shop answered (or the customer cancelled) in time: nothing to do.
        if (!(error instanceof AppError && error.code === 'INVALID_TRANSITION')) throw error;
      }
    },
  };
}
