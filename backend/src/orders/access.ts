import type { OrderActor } from '@kupwara/shared';
import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { OrderCaller } from './order-view';
import { orders } from './tables';

/**
 * The orders a caller is party to, as a WHERE condition: a customer's own, a seller's store's, a
 * rider's deliveries; every order for an operator and for the server itself (no condition). Every
 * read and write of an order puts it in its query, so someone else's order is simply not found.
 */
export function partyCondition(caller: OrderCaller): SQL | undefined {
  switch (caller.role) {
    case 'customer':
      return eq(orders.customerId, caller.id);
    // A shop sees an order from when it is theirs to answer: at once for cash, once paid online.
    case 'seller':
      return and(eq(orders.sellerId, caller.id), isNotNull(orders.releasedAt));
    case 'rider':
      return eq(orders.riderId, caller.id);
    case 'admin':
    case 'system':
      return undefined;
  }
}

/** The part the caller plays in an order that `partyCondition` let them reach (an operator acts as the system). */
export function actorOf(caller: OrderCaller): OrderActor {
  return caller.role === 'admin' ? 'system' : caller.role;
}
