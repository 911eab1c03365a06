import type { OrderSummary } from '@kupwara/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { notFound } from '../platform/http/errors';
import { enqueue, wakeRunners } from '../platform/jobs';
import { partyCondition } from './access';
import { orderJobs } from './effects';
import { type OrderCaller, orderSummaryView } from './order-view';
import { orders } from './tables';
import type { OrderDeps } from './transitions';

export type SeenJob = { order_id: string; store_id: string; seen_at: string };

/**
 * Someone at the shop opened the order. The first time, it is marked and (after commit) every
 * device following the store hears it and stops ringing; a repeat changes nothing and says the same.
 */
export async function markSeen(
  deps: Pick<OrderDeps, 'db' | 'bus'>,
  caller: OrderCaller,
  orderId: string,
  now = new Date(),
) {
  const mine = and(eq(orders.id, orderId), partyCondition(caller));
  const marked = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(orders)
      .set({ seenByStoreAt: now })
      .where(and(mine, isNull(orders.seenByStoreAt)))
      .returning();
    if (row) {
      const payload: SeenJob = { order_id: row.id, store_id: row.storeId, seen_at: now.toISOString() };
      await enqueue(tx, [{ kind: orderJobs.seen, payload }]);
    }
    return row;
  });
  if (marked) {
    await wakeRunners(deps.bus);
    return orderSummaryView(marked);
  }
  const [row] = await deps.db.select().from(orders).where(mine);
  if (!row) throw notFound('Order');
  return orderSummaryView(row) satisfies OrderSummary;
}
