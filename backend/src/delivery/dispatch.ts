import {
  activeStatuses,
  cashToCollect,
  channels,
  type DeliveryOffer,
  formatDistance,
  isAwaitingRider,
  type LatLng,
  type Order,
  riderEarningPaise,
} from '@kupwara/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import { isConnected } from '../notifications/presence';
import { type NotificationRequest, requestNotifications } from '../notifications/requests';
import { assignRiderEarly } from '../orders/early-rider';
import { ordersForDelivery } from '../orders/order-queries';
import { SYSTEM } from '../orders/order-view';
import { type OrderDeps, transitionOrder } from '../orders/transitions';
import { broadcast } from '../platform/broadcast';
import type { DispatchOptions } from '../platform/config';
import type { Db } from '../platform/db';
import { AppError, notFound } from '../platform/http/errors';
import { newId } from '../platform/ids';
import { enqueue, type Job, type JobHandler, wakeRunners } from '../platform/jobs';
import { executeAsOneStatement } from '../platform/together';
import { type DispatchJob, deliveryJobs, dispatchJob } from './jobs';
import { deliveryOffers } from './tables';

export const defaultDispatch: DispatchOptions = {
  offerTimeoutMs: 30_000,
  waitingNoticeMs: 3 * 60_000,
  giveUpMs: 30 * 60_000,
  radiusM: 10_000,
  maxActivePerRider: 1,
  retryMs: 15_000,
};
/** A position older than this says nothing about where the rider is. */
const FRESH_POSITION = '5 minutes';

export type DispatchDeps = OrderDeps & { dispatch: DispatchOptions };

type DeliveryOrder = Awaited<ReturnType<typeof ordersForDelivery>>[number];

const offerView = (
  offer: Pick<typeof deliveryOffers.$inferSelect, 'id' | 'orderId' | 'distanceM' | 'expiresAt'>,
  order: Omit<DeliveryOrder, 'id' | 'status' | 'riderId' | 'customerId' | 'sellerId'>,
): DeliveryOffer => ({
  id: offer.id,
  order_id: offer.orderId,
  store: { name: order.storeName, address: order.storeAddress, location: order.storeLocation },
  delivery_location: order.deliveryLocation,
  distance_m: offer.distanceM,
  trip_m: order.distanceM,
  earning_paise: riderEarningPaise(order.distanceM),
  cash_paise: cashToCollect(order.paymentMethod, order.totalPaise),
  item_count: order.itemCount,
  expires_at: offer.expiresAt.toISOString(),
});

/** A new offer as the rider's phone shows it when the app is closed. */
const offerNotice = (offer: DeliveryOffer, riderId: string, options: DispatchOptions): NotificationRequest => ({
  userId: riderId,
  template: 'rider.new_offer',
  values: {
    store: offer.store.name,
    distance: formatDistance(offer.distance_m),
    seconds: Math.round(options.offerTimeoutMs / 1000),
  },
  data: { order_id: offer.order_id, offer_id: offer.id },
  dedupeKey: `offer:${offer.id}`,
});

/**
 * The nearest free rider for a ready order: online, with a fresh position within reach of the
 * shop, carrying fewer than the maximum, without an open offer, and never asked about this order.
 * One KNN query on the GiST index of positions (it reads the accounts and orders tables too: the
 * pick has to be one indexed query).
 */
export async function nearestFreeRider(db: Db, orderId: string, shop: LatLng, options: DispatchOptions) {
  const point = sql`ST_SetSRID(ST_MakePoint(${shop.lng}, ${shop.lat}), 4326)::geography`;
  // The nearest riders first, by the GiST index alone (a plain KNN scan, which the planner always
  // walks in order), then the checks on that short list; a longer list only if none of it is free.
  for (const window of [32, 1024, 1_000_000]) {
    const result = await db.execute<{ considered: number; rider_id: string | null; distance_m: number | null }>(sql`
      WITH near AS (
        SELECT rider_id, location, received_at, location <-> ${point} AS knn FROM rider_positions
        WHERE ST_DWithin(location, ${point}, ${options.radiusM})
        ORDER BY location <-> ${point} LIMIT ${window})
      SELECT (SELECT count(*) FROM near)::int AS considered, pick.rider_id, pick.distance_m
      FROM (SELECT 1) AS one LEFT JOIN LATERAL (
        SELECT n.rider_id, round(ST_Distance(n.location, ${point}))::int AS distance_m
        FROM near n JOIN rider_profiles r ON r.user_id = n.rider_id AND r.is_available
        WHERE n.received_at > now() - ${FRESH_POSITION}::interval
          AND (SELECT count(*) FROM orders a WHERE a.rider_id = n.rider_id
               AND a.status IN ${[...activeStatuses]}) < ${options.maxActivePerRider}
          AND NOT EXISTS (SELECT 1 FROM delivery_offers d WHERE d.rider_id = n.rider_id
               AND (d.order_id = ${orderId} OR d.status = 'offered'))
        ORDER BY n.knn LIMIT 1) AS pick ON true`);
    const [row] = result.rows;
    if (row?.rider_id && row.distance_m !== null) return { rider_id: row.rider_id, distance_m: row.distance_m };
    // Fewer riders in reach than the list held: every one of them was looked at.
    if (!row || row.considered < window) return undefined;
  }
  return undefined;
}

/** One round of dispatch for an order; the job queues the next round itself while nobody takes it. */
export async function dispatchOnce(deps: DispatchDeps, job: DispatchJob, now = new Date()): Promise<void> {
  const { db, bus, dispatch: options } = deps;
  const [order] = await ordersForDelivery(db, [job.order_id]);
  if (!order || order.riderId || !isAwaitingRider(order.status)) return;
  const waited = now.getTime() - Date.parse(job.started_at);
  if (waited >= options.giveUpMs) {
    const reason = 'No rider could be found';
    await transitionOrder(deps, SYSTEM, order.id, { to: 'FAILED', reason }).catch(ignoreMovedOn);
    return;
  }
  const offered = await db.transaction(async (tx) => {
    const open = await tx
      .select({ id: deliveryOffers.id })
      .from(deliveryOffers)
      .where(and(eq(deliveryOffers.orderId, order.id), eq(deliveryOffers.status, 'offered')));
    if (open.length > 0) return 'already';
    const rider = await nearestFreeRider(tx, order.id, order.storeLocation, options);
    if (!rider) return undefined;
    const expiresAt = new Date(now.getTime() + options.offerTimeoutMs);
    const id = newId();
    // A rider another dispatcher just chose is refused by the one-open-offer-per-rider index.
    const inserted = await tx
      .insert(deliveryOffers)
      .values({
        id,
        orderId: order.id,
        riderId: rider.rider_id,
        distanceM: rider.distance_m,
        expiresAt,
        offeredAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: deliveryOffers.id });
    if (inserted.length === 0) return undefined;
    // A rider whose app has no live socket would not see the offer in time: a text message tells them.
    const texted = deps.sms !== undefined && !(await isConnected(deps.cache, rider.rider_id));
    await enqueue(tx, [
      { kind: deliveryJobs.offerTimeout, payload: { offer_id: id }, runAt: expiresAt },
      ...(texted ? [{ kind: deliveryJobs.offerSms, payload: { offer_id: id } }] : []),
    ]);
    const offer = offerView({ id, orderId: order.id, distanceM: rider.distance_m, expiresAt }, order);
    // The push wakes a phone whose app is closed; an open app rings from the socket's offer.
    await executeAsOneStatement(tx, requestNotifications(tx, [offerNotice(offer, rider.rider_id, options)]));
    return { riderId: rider.rider_id, offer, texted };
  });
  if (offered === 'already') return;
  if (offered) {
    await broadcast(bus, channels.rider(offered.riderId), { type: 'offer', offer: offered.offer });
    // Its push (and text message, if any) go now.
    await wakeRunners(bus);
    return;
  }
  // Nobody free now: tell the shop and the customer once it has taken long, and look again soon.
  const notice = !job.noticed && waited >= options.waitingNoticeMs;
  if (notice) {
    const values = { store: order.storeName, customer: order.customerName };
    const data = { order_id: order.id };
    await executeAsOneStatement(
      db,
      requestNotifications(db, [
        { userId: order.customerId, template: 'customer.waiting', values, data, dedupeKey: `dispatch:${order.id}` },
        { userId: order.sellerId, template: 'seller.waiting', values, data, dedupeKey: `dispatch:${order.id}` },
      ]),
    );
  }
  const next = dispatchJob(
    order.id,
    new Date(job.started_at),
    new Date(now.getTime() + options.retryMs),
    job.noticed || notice,
  );
  await enqueue(db, [next]);
}

const ignoreMovedOn = (error: unknown) => {
  // The order moved on meanwhile (cancelled by the system, failed by an operator): nothing to do.
  if (!(error instanceof AppError && error.code === 'INVALID_TRANSITION')) throw error;
};

/** Closes an open offer as declined or expired and offers the order to the next rider. */
async function closeOffer(deps: DispatchDeps, offerId: string, status: 'declined' | 'expired', riderId?: string) {
  const [closed] = await deps.db
    .update(deliveryOffers)
    .set({ status, answeredAt: new Date() })
    .where(
      and(
        eq(deliveryOffers.id, offerId),
        eq(deliveryOffers.status, 'offered'),
        riderId ? eq(deliveryOffers.riderId, riderId) : undefined,
      ),
    )
    .returning({ orderId: deliveryOffers.orderId, riderId: deliveryOffers.riderId });
  if (!closed) return false;
  const [order] = status === 'expired' ? await ordersForDelivery(deps.db, [closed.orderId]) : [];
  await executeAsOneStatement(deps.db, [
    enqueue(deps.db, [dispatchJob(closed.orderId, new Date())]),
    // The rider who let it pass hears it went elsewhere (a declined one they know of).
    ...(order
      ? requestNotifications(deps.db, [
          {
            userId: closed.riderId,
            template: 'rider.offer_expired',
            values: { store: order.storeName },
            data: { order_id: order.id, offer_id: offerId },
            dedupeKey: `offer-expired:${offerId}`,
          },
        ])
      : []),
  ]);
  await wakeRunners(deps.bus);
  return true;
}

export async function declineOffer(deps: DispatchDeps, riderId: string, offerId: string): Promise<void> {
  if (!(await closeOffer(deps, offerId, 'declined', riderId))) await refuseAnswer(deps.db, riderId, offerId);
}

/** Why a rider's answer to an offer cannot count: not theirs (404), or no longer open (409). */
async function refuseAnswer(db: Db, riderId: string, offerId: string): Promise<never> {
  const [offer] = await db
    .select({ id: deliveryOffers.id })
    .from(deliveryOffers)
    .where(and(eq(deliveryOffers.id, offerId), eq(deliveryOffers.riderId, riderId)));
  if (!offer) throw notFound('Offer');
  throw new AppError(409, 'CONFLICT', 'This offer is no longer open');
}

/**
 * A rider takes an offer: the offer closes and the order becomes theirs in one transaction. Two
 * taps, or a tap racing the timeout, assign it once: the loser gets 409.
 */
export async function acceptOffer(deps: DispatchDeps, riderId: string, offerId: string): Promise<Order> {
  const order = await deps.db.transaction(async (tx) => {
    const [offer] = await tx
      .update(deliveryOffers)
      .set({ status: 'accepted', answeredAt: new Date() })
      .where(
        and(
          eq(deliveryOffers.id, offerId),
          eq(deliveryOffers.riderId, riderId),
          eq(deliveryOffers.status, 'offered'),
          gt(deliveryOffers.expiresAt, sql`now()`),
        ),
      )
      .returning({ orderId: deliveryOffers.orderId });
    if (!offer) return refuseAnswer(tx, riderId, offerId);
    // Early dispatch: the rider is committed and rides to the shop; the order becomes RIDER_ASSIGNED
    // when the shop says it is ready.
    const early = await assignRiderEarly(deps, tx, offer.orderId, riderId);
    if (early) return early;
    const assigned = await transitionOrder({ ...deps, db: tx }, SYSTEM, offer.orderId, {
      to: 'RIDER_ASSIGNED',
      rider_id: riderId,
    });
    return assigned.body as Order;
  });
  await wakeRunners(deps.bus);
  return order;
}

/** The runner's handlers for dispatch. */
export function dispatchJobHandlers(deps: DispatchDeps): Record<string, JobHandler> {
  return {
    [deliveryJobs.dispatch]: (job: Job) => dispatchOnce(deps, job.payload as DispatchJob),
    [deliveryJobs.offerTimeout]: async (job: Job) => {
      await closeOffer(deps, String(job.payload.offer_id), 'expired');
    },
    // The shop says ready and a rider took the order early: it is theirs now.
    [deliveryJobs.assignEarlyRider]: async (job: Job) => {
      const { order_id: orderId, rider_id: riderId } = job.payload as { order_id: string; rider_id: string };
      await transitionOrder(deps, SYSTEM, orderId, { to: 'RIDER_ASSIGNED', rider_id: riderId }).catch(ignoreMovedOn);
    },
  };
}

/** A rider's offers still open, newest first. */
export async function openOffersOf(db: Db, riderId: string): Promise<DeliveryOffer[]> {
  const offers = await db
    .select()
    .from(deliveryOffers)
    .where(
      and(
        eq(deliveryOffers.riderId, riderId),
        eq(deliveryOffers.status, 'offered'),
        gt(deliveryOffers.expiresAt, sql`now()`),
      ),
    );
  if (offers.length === 0) return [];
  const orderIds = offers.map((offer) => offer.orderId);
  const byId = new Map((await ordersForDelivery(db, orderIds)).map((order) => [order.id, order]));
  return offers.flatMap((offer) => {
    const order = byId.get(offer.orderId);
    return order ? [offerView(offer, order)] : [];
  });
}
