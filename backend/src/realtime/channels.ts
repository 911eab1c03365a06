import { type ChannelName, parseChannel } from '@kupwara/shared';
import type { AuthUser } from '../accounts/tokens';
import { isPartyTo } from '../orders/order-queries';
import type { Db } from '../platform/db';
import { sellerIdOfStore } from '../stores/seller-store';

/**
 * Who may follow a channel: an order's customer, its store's seller and its rider; a store's
 * seller; a rider themself. Operators follow anything.
 */
export async function mayFollow(db: Db, caller: AuthUser, channel: ChannelName): Promise<boolean> {
  if (caller.role === 'admin') return true;
  const target = parseChannel(channel);
  if (target?.kind === 'order') return isPartyTo(db, caller, target.id);
  if (target?.kind === 'store') return caller.role === 'seller' && (await sellerIdOfStore(db, target.id)) === caller.id;
  if (target?.kind === 'rider') return caller.role === 'rider' && target.id === caller.id;
  return false;
}
