import { assignRiderEarly as earlyAssignment, type Order } from '@kupwara/shared';
import { and, eq } from 'drizzle-orm';
import { contactOf } from '../accounts/users';
import type { Db } from '../platform/db';
import { AppError, notFound } from '../platform/http/errors';
import { enqueue } from '../platform/jobs';
import { effectsOf } from './effects';
import { orderParts } from './order-queries';
import { type OrderEventRow, type OrderRow, orderView } from './order-view';
import { orderEvents, orders } from './tables';
import type { OrderDeps } from './transitions';

/**
 * A rider takes an order while the shop still prepares it (dispatch from acceptance), inside the
 * caller's transaction: the order keeps its state and gains its rider, a new version and an event
 * of its own, whose side effects are queued as a move's are (everyone following it hears that the
 * rider is on the way to the shop). Undefined when the order is past that point: a ready order gets
 * its rider by the RIDER_ASSIGNED move. The answer is the order as the rider sees it.
 */
export async function assignRiderEarly(
  deps: OrderDeps,
  tx: Db,
  orderId: string,
  riderId: string,
  now = new Date(),
): Promise<Order | undefined> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!row) throw notFound('Order');
  const early = earlyAssignment(row);
  if (!early) return undefined;
  if (row.riderId) throw new AppError(409, 'CONFLICT', 'This order already has a rider');
  const rider = await contactOf(tx, riderId);
  if (rider?.role !== 'rider') throw notFound('Rider');

  const taken = { riderId: rider.id, riderName: rider.name, riderPhone: rider.phone };
  const updated: OrderRow = { ...early.order, ...taken, lastSeq: row.lastSeq + 1, updatedAt: now };
  const event: OrderEventRow = {
    orderId: row.id,
    seq: updated.lastSeq,
    kind: early.event.kind,
    status: early.event.status,
    fromStatus: early.event.from_status,
    actor: early.event.actor,
    actorId: null,
    reason: early.event.reason,
    reasonCode: early.event.reason_code,
    occurredAt: now,
    recordedAt: now,
  };
  await tx
    .update(orders)
    .set({ ...taken, version: updated.version, lastSeq: updated.lastSeq, updatedAt: now })
    .where(and(eq(orders.id, row.id), eq(orders.version, row.version)));
  await tx.insert(orderEvents).values(event);
  await enqueue(tx, effectsOf(updated, event, deps.eventEffects));
  const { items, events } = await orderParts(tx, row.id);
  return orderView(updated, items, events, 'rider');
}
