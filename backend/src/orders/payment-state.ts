import type { PaymentState } from '@kupwara/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { OrderRow } from './order-view';
import { orders } from './tables';

/**
 * The order, locked for the rest of the caller's transaction: the payments module applies what
 * the gateway says one payment at a time per order, however many webhooks and checks arrive at once.
 */
export async function lockOrderForPayment(tx: Db, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  return row;
}

/**
 * Where the order's money stands, as the gateway's news moves it (refunding, refunded …). With
 * `onlyFrom`, only an order whose money is in one of those states changes: a late answer never
 * moves it back. Its status and timeline are not touched; those move through transitionOrder.
 */
export async function setPaymentState(
  tx: Db,
  orderId: string,
  state: PaymentState,
  onlyFrom?: readonly PaymentState[],
): Promise<boolean> {
  const changed = await tx
    .update(orders)
    .set({ paymentState: state })
    .where(and(eq(orders.id, orderId), onlyFrom ? inArray(orders.paymentState, [...onlyFrom]) : undefined))
    .returning({ id: orders.id });
  return changed.length > 0;
}
