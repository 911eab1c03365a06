import type { CartItemState } from '@kupwara/shared';
import type { ApiError } from '@kupwara/shared/client';
import { formatPaise } from '@kupwara/shared/ui';
import type { CartLine } from './cart-store';

/**
 * The lines as the shop has them now, from a refusal's details (none if it carries none). The
 * server's answer is trusted as every answer is (the app does not load the schemas).
 */
export function conflictItems(details: unknown): CartItemState[] {
  const items = (details as { items?: unknown } | undefined)?.items;
  return Array.isArray(items)
    ? items.filter((item): item is CartItemState => typeof item?.product_id === 'string')
    : [];
}

/**
 * An order refused because the shop changed (PRICE_CHANGED, OUT_OF_STOCK), in plain words for
 * the customer, with the lines as they are now so the cart can take the shop's prices.
 */
export function describeCartConflict(error: ApiError): { message: string; items: CartItemState[] } {
  const items = conflictItems(error.details);
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

/**
 * The cart to offer after a refusal: each line at the shop's price now (the old one kept as
 * `was_price_paise`), no more than is in stock, and without what is no longer sold.
 */
export function cartAfterConflict(lines: readonly CartLine[], items: readonly CartItemState[]): CartLine[] {
  const now = new Map(items.map((item) => [item.product_id, item]));
  return lines.flatMap((line) => {
    const item = now.get(line.product_id);
    if (!item) return [{ ...line }];
    if (item.price_paise === null || item.available === 0) return [];
    const changed = item.price_paise !== line.unit_price_paise;
    return [
      {
        ...line,
        unit_price_paise: item.price_paise,
        quantity: Math.min(line.quantity, item.available),
        ...(changed ? { was_price_paise: line.unit_price_paise } : {}),
      },
    ];
  });
}
