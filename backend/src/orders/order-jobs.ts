import { channels, initialStatus, type OrderEvent, type OrderStatus, shopHears } from '@kupwara/shared';
import { and, eq, isNull, type SQLWrapper } from 'drizzle-orm';
import { recordOrderFact, recordOrderLineFacts } from '../analytics/facts';
import { catalogChanged } from '../catalog/catalog-cache';
import { restoreStock } from '../catalog/stock';
import { type NotificationRequest, requestNotifications } from '../notifications/requests';
import type { TemplateKey } from '../notifications/templates';
import { broadcast } from '../platform/broadcast';
import { AppError } from '../platform/http/errors';
import { type Job, type JobHandler, wakeRunners } from '../platform/jobs';
import { executeAsOneStatement } from '../platform/together';
import { type EventJob, type OrderParties, orderJobs } from './effects';
import { SYSTEM } from './order-view';
import type { SeenJob } from './seen';
import { orderItems, orders } from './tables';
import { type OrderDeps, transitionOrder } from './transitions';

export const PENDING_TIMEOUT_REASON = 'The shop did not answer in time';

const orderIdOf = (job: Job) => String(job.payload.order_id);

type Audience = 'customer' | 'seller' | 'rider';
type Told = Partial<Record<Audience, TemplateKey>>;

/** Who hears about each step, and the catalog's template each reads. */
function templatesFor(order: OrderParties, event: OrderEvent): Told {
  // The rider tapped to take it: they know. The customer and the shop learn who is coming.
  if (event.kind === 'rider_assigned_early')
    return { customer: 'customer.rider_assigned_early', seller: 'seller.rider_assigned' };
  // Before the shop has it, only the customer hears: how it ended if unpaid (they gave up, or it timed out).
  if (!shopHears(event)) return event.actor === 'customer' ? {} : { customer: 'customer.failed' };
  const byStatus: Record<OrderStatus, Told> = {
    AWAITING_PAYMENT: {},
    PENDING: { seller: 'seller.new_order' },
    ACCEPTED: { customer: order.prepMinutes ? 'customer.accepted' : 'customer.accepted_untimed' },
    PREPARING: { customer: 'customer.preparing' },
    READY_FOR_PICKUP: { customer: 'customer.ready' },
    RIDER_ASSIGNED: { customer: 'customer.rider_assigned', rider: 'rider.assigned' },
    PICKED_UP: { customer: 'customer.picked_up' },
    IN_TRANSIT: { customer: 'customer.in_transit' },
    DELIVERED: { customer: 'customer.delivered', seller: 'seller.delivered' },
    REJECTED: { customer: 'customer.rejected' },
    CANCELLED:
      event.actor === 'customer'
        ? { seller: 'seller.cancelled' }
        : { customer: 'customer.cancelled', seller: 'seller.missed' },
    FAILED: {
      customer: 'customer.failed',
      seller: 'seller.failed',
      ...(order.riderId ? { rider: 'rider.failed' } : {}),
    },
  };
  return byStatus[event.status];
}

function notificationsFor(order: OrderParties, event: OrderEvent): NotificationRequest[] {
  const people: Record<Audience, string | null> = {
    customer: order.customerId,
    seller: order.sellerId,
    rider: order.riderId,
  };
  const values = {
    store: order.storeName,
    address: order.storeAddress,
    customer: order.customerName,
    rider: order.riderName ?? 'Your rider',
    items: order.itemCount,
    minutes: order.prepMinutes ?? 0,
    reason: event.reason ?? 'no reason was given',
  };
  const data = { order_id: order.id, status: event.status, seq: event.seq };
  return Object.entries(templatesFor(order, event)).flatMap(([audience, template]) => {
    const userId = people[audience as Audience];
    if (!userId || !template) return [];
    return [{ userId, template, values, data, dedupeKey: `order:${order.id}:${event.seq}` }];
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
      const followers = [channels.order(order.id)];
      if (shopHears(event)) followers.push(channels.store(order.storeId));
      if (order.riderId) followers.push(channels.rider(order.riderId));
      await Promise.all(followers.map((channel) => broadcast(bus, channel, { type: 'event', event })));
      const told = notificationsFor(order, event);
      const writes: SQLWrapper[] = told.length > 0 ? requestNotifications(db, told) : [];
      // The facts count moves between states (a change within one would count its state twice), from when the shop has the order.
      if (event.kind === 'transition' && shopHears(event)) {
        writes.push(
          recordOrderFact(db, {
            orderId: order.id,
            seq: event.seq,
            storeId: order.storeId,
            customerId: order.customerId,
            status: event.status,
            actor: event.actor,
            reason: event.reason,
            reasonCode: event.reason_code,
            itemCount: order.itemCount,
            totalPaise: order.totalPaise,
            occurredAt: new Date(event.occurred_at),
          }),
        );
      }
      // The shop got the order: its lines as placed, for the store's best sellers.
      if (event.kind === 'transition' && event.status === initialStatus) {
        const lines = await db
          .select({
            productId: orderItems.productId,
            name: orderItems.name,
            quantity: orderItems.quantity,
            price: orderItems.unitPricePaise,
          })
          .from(orderItems)
          .where(eq(orderItems.orderId, order.id));
        const placedAt = new Date(event.occurred_at);
        const facts = lines.map(({ price, ...line }) => ({
          ...line,
          orderId: order.id,
          storeId: order.storeId,
          linePaise: price * line.quantity,
          placedAt,
        }));
        if (facts.length > 0) writes.push(recordOrderLineFacts(db, facts));
      }
      if (writes.length > 0) await executeAsOneStatement(db, writes);
      // The pushes it queued go now, not at the next poll.
      if (told.length > 0) await wakeRunners(bus);
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
