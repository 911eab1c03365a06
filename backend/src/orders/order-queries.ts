import { activeStatuses, type Order, type OrderActor, type OrderStatus } from '@kupwara/shared';
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import { decodeIdCursor, encodeCursor } from '../platform/cursor';
import type { Db } from '../platform/db';
import { notFound } from '../platform/http/errors';
import { anyId } from '../platform/ids';
import { actorOf, partyCondition } from './access';
import { type OrderCaller, type OrderRow, orderEventView, orderSummaryView, orderView } from './order-view';
import { orderEvents, orderItems, orders } from './tables';

export async function orderParts(db: Db, orderId: string) {
  const [items, events] = await Promise.all([
    db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.position)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.seq)),
  ]);
  return { items, events };
}

/** The order as `viewer` sees it, with its items and timeline. */
export async function orderDetails(db: Db, row: OrderRow, viewer: OrderActor): Promise<Order> {
  const { items, events } = await orderParts(db, row.id);
  return orderView(row, items, events, viewer);
}

/** An order the caller is party to; anyone else's is not found. */
export async function getOrder(db: Db, caller: OrderCaller, orderId: string): Promise<Order> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), partyCondition(caller)));
  if (!row) throw notFound('Order');
  return orderDetails(db, row, actorOf(caller));
}

export interface OrderListQuery {
  status?: OrderStatus[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The caller's own orders, newest first: a customer's, a seller's store's, a rider's deliveries (all of them for an operator). */
export async function listOrders(db: Db, caller: OrderCaller, query: OrderListQuery) {
  const conditions: (SQL | undefined)[] = [partyCondition(caller)];
  if (query.status) conditions.push(inArray(orders.status, query.status));
  if (query.cursor) {
    conditions.push(lt(orders.id, decodeIdCursor(query.cursor)));
  }
  const rows = await db
    .select()
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(orderSummaryView),
    next_cursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** Whether the caller plays a part in the order (and may follow its events). */
export async function isPartyTo(db: Db, caller: OrderCaller, orderId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, orderId), partyCondition(caller)));
  return row !== undefined;
}

/** Who rides an order the caller is party to (`riderId` null: nobody yet); undefined if the order is not theirs. */
export async function riderOfOrder(db: Db, caller: OrderCaller, orderId: string) {
  const [row] = await db
    .select({ status: orders.status, riderId: orders.riderId, name: orders.riderName, phone: orders.riderPhone })
    .from(orders)
    .where(and(eq(orders.id, orderId), partyCondition(caller)));
  return row;
}

/** The order's events after `since` in order, and its newest sequence number (`since` absent: none, just the number). */
export async function eventsAfter(db: Db, orderId: string, since: number | undefined) {
  const [order] = await db.select({ lastSeq: orders.lastSeq }).from(orders).where(eq(orders.id, orderId));
  if (!order || since === undefined || since >= order.lastSeq) return { events: [], lastSeq: order?.lastSeq ?? 0 };
  const rows = await db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), gt(orderEvents.seq, since)))
    .orderBy(asc(orderEvents.seq));
  return { events: rows.map(orderEventView), lastSeq: order.lastSeq };
}

const delivery = {
  id: orders.id,
  riderId: orders.riderId,
  customerId: orders.customerId,
  sellerId: orders.sellerId,
  storeName: orders.storeName,
  customerName: orders.customerName,
  riderName: orders.riderName,
  status: orders.status,
  storeLocation: orders.storeLocation,
  deliveryLocation: orders.deliveryLocation,
};
// A rider is on it: carrying it, or (early dispatch) riding to the shop while it is prepared.
const carried = and(isNotNull(orders.riderId), inArray(orders.status, [...activeStatuses]));

/** The orders these riders carry now (assigned, picked up, on the way), with where they go next. */
export async function activeDeliveriesOf(db: Db, riderIds: readonly string[]) {
  return db
    .select(delivery)
    .from(orders)
    .where(and(anyId(orders.riderId, riderIds), carried));
}

/** The rider carrying this order now, if any. */
export async function activeRiderOf(db: Db, orderId: string) {
  const [row] = await db
    .select(delivery)
    .from(orders)
    .where(and(eq(orders.id, orderId), carried));
  return row?.riderId ? { ...row, riderId: row.riderId } : undefined;
}

/** The orders a rider delivered since a time, newest first. */
export async function deliveredBy(db: Db, riderId: string, since: Date) {
  return db
    .select({
      id: orders.id,
      storeName: orders.storeName,
      distanceM: orders.distanceM,
      deliveredAt: orders.updatedAt,
      paymentMethod: orders.paymentMethod,
      totalPaise: orders.totalPaise,
    })
    .from(orders)
    .where(and(eq(orders.riderId, riderId), eq(orders.status, 'DELIVERED'), gt(orders.updatedAt, since)))
    .orderBy(desc(orders.updatedAt));
}

/** What delivery needs of orders to find and brief a rider: how far each got, who has it, where it is picked up and taken. */
export async function ordersForDelivery(db: Db, orderIds: readonly string[]) {
  return db
    .select({
      id: orders.id,
      status: orders.status,
      riderId: orders.riderId,
      customerId: orders.customerId,
      sellerId: orders.sellerId,
      customerName: orders.customerName,
      storeName: orders.storeName,
      storeAddress: orders.storeAddress,
      storeLocation: orders.storeLocation,
      deliveryLocation: orders.deliveryLocation,
      distanceM: orders.distanceM,
      itemCount: orders.itemCount,
      paymentMethod: orders.paymentMethod,
      totalPaise: orders.totalPaise,
    })
    .from(orders)
    .where(anyId(orders.id, orderIds));
}
