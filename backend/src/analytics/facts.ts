import type { Db } from '../platform/db';
import { orderFacts, orderLineFacts } from './tables';

export type OrderFact = typeof orderFacts.$inferInsert;
export type OrderLineFact = typeof orderLineFacts.$inferInsert;

/** The statement recording an order event (await it, or send it with others); the same (order, seq) again is ignored. */
export const recordOrderFact = (db: Db, fact: OrderFact) => db.insert(orderFacts).values(fact).onConflictDoNothing();

/** The statement recording a placed order's lines; the same order again is ignored. */
export const recordOrderLineFacts = (db: Db, lines: readonly OrderLineFact[]) =>
  db
    .insert(orderLineFacts)
    .values([...lines])
    .onConflictDoNothing();
