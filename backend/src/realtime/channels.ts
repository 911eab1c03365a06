import type { AuthUser } from '../accounts/tokens';
import { isPartyTo } from '../orders/order-queries';
import type { Db } from '../platform/db';
import { sellerIdOfStore } from '../stores/seller-store';

/**
 * Who may follow a channel: an order's customer, its store's seller and its rider; a store's
 * seller; a rider themself. Operators follow anything.
 */
export async function mayFollow(db: Db, caller: AuthUser, channel: string): Promise<boolean> {
  if (caller.role === 'admin') return true;
  const [kind, id = ''] = channel.split('.');
  if (kind === 'order') return isPartyTo(db, caller, id);
  if (kind === 'store') return caller.role === 'seller' && (await sellerIdOfStore(db, id)) === caller.id;
  if (kind === 'rider') return caller.role === 'rider' && id === caller.id;
  return false;
}
