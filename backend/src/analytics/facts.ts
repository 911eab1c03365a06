import type { Db } from '../platform/db';
import { orderFacts } from './tables';

export type OrderFact = typeof orderFacts.$inferInsert;

/** The statement recording an order event (await it, or send it with others); the same (order, seq) again is ignored. */
export const recordOrderFact = (db: Db, fact: OrderFact) => db.insert(orderFacts).values(fact).onConflictDoNothing();
