import type { PaymentMethod } from '@kupwara/shared';
import { paymentMethods } from '@kupwara/shared/values';

/**
 * What the shop takes, from its details; until they are loaded (or for a shop cached before shops
 * said), cash on delivery, which every order could be paid with before.
 */
export function acceptedMethods(shop: { id: string; payment_methods?: readonly PaymentMethod[] } | undefined) {
  return shop?.payment_methods ?? (['cash'] as const);
}

/** The ways the customer can pay now: what the shop takes, online only with a connection, cash first. */
export function usableMethods(accepted: readonly PaymentMethod[], online: boolean): PaymentMethod[] {
  return paymentMethods.filter((method) => accepted.includes(method) && (method === 'cash' || online));
}

/** The way the order will be paid: the customer's pick while it can be used, else the first usable one. */
export function chosenMethod(
  accepted: readonly PaymentMethod[],
  online: boolean,
  picked: PaymentMethod | null,
): PaymentMethod | null {
  const usable = usableMethods(accepted, online);
  return picked && usable.includes(picked) ? picked : (usable[0] ?? null);
}
