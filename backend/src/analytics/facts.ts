import type { Db } from '../platform/db';
import { orderFacts } from './tables';

export type OrderFact = typeof orderFacts.$inferInsert;

/** Records an order event; the same (order, seq) again is ignored. */
export async function recordOrderFact(db: Db, fact: OrderFact): Promise<void> {
  await db.insert(orderFacts).values(fact).onConflictDoNothing();
}
