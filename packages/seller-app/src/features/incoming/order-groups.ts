import type { OrderSummary, SellerStage } from '@kupwara/shared';
import { awaitsAnswer, isFinal, sellerStageOf, sellerStages } from '@kupwara/shared/values';

/**
 * The shop's orders by tab (the machine says which state belongs where): finished ones only when
 * they finished today on this device's clock, newest first as the list comes.
 */
export function ordersByStage(orders: readonly OrderSummary[], now: Date): Record<SellerStage, OrderSummary[]> {
  const groups = Object.fromEntries(sellerStages.map((stage) => [stage, [] as OrderSummary[]])) as Record<
    SellerStage,
    OrderSummary[]
  >;
  const today = now.toDateString();
  for (const order of orders) {
    if (isFinal(order.status) && new Date(order.updated_at).toDateString() !== today) continue;
    groups[sellerStageOf(order.status)].push(order);
  }
  return groups;
}

/** New orders nobody at the shop has opened or answered yet: while there is one, the app rings. */
export const unseenNewOrders = (orders: readonly OrderSummary[]) =>
  orders.filter((order) => awaitsAnswer(order.status) && !order.seen);

/** Whole seconds until the order is cancelled for want of an answer (0 once it is due), or undefined if none is due. */
export function secondsLeft(order: Pick<OrderSummary, 'answer_by'>, now: Date): number | undefined {
  if (!order.answer_by) return undefined;
  return Math.max(0, Math.ceil((Date.parse(order.answer_by) - now.getTime()) / 1000));
}

/** "4:05": minutes and seconds, for the countdown. */
export const formatCountdown = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The name a shopkeeper calls out: the first word of the customer's name. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
