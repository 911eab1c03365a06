import type { ApiError } from '../api/client';
import { type CartItemState, cartItemState } from '../contract/orders';
import { formatPaise } from '../ui/money';

/**
 * An order refused because the shop changed (PRICE_CHANGED, OUT_OF_STOCK), in plain words for
 * the customer, with the lines as they are now so the cart can take the shop's prices.
 */
export function describeCartConflict(error: ApiError): { message: string; items: CartItemState[] } {
  const parsed = cartItemState.array().safeParse((error.details as { items?: unknown } | undefined)?.items);
  const items = parsed.success ? parsed.data : [];
  const sentences = items.flatMap((item) => {
    const name = item.name ?? 'A product';
    if (item.price_paise === null || item.available === 0) return [`${name} is no longer available.`];
    const said: string[] = [];
    if (item.price_paise !== item.seen_price_paise) {
      said.push(`${name} now costs ${formatPaise(item.price_paise)} (was ${formatPaise(item.seen_price_paise)}).`);
    }
    if (item.requested > item.available)
      said.push(`Only ${item.available} ${name} left (you wanted ${item.requested}).`);
    return said;
  });
  return { message: sentences.length ? sentences.join(' ') : error.message, items };
}
