/**
 * How a shop answers a new order: accepted with a preparation time, or rejected with a reason from
 * a list, which the customer reads in plain words. Pure: the server and the apps both use it.
 */
import { deliveryEtaMinutes, PREPARATION_MINUTES } from './delivery-estimate';

export const MIN_PREP_MINUTES = 10;
export const MAX_PREP_MINUTES = 90;
/** The times the accept sheet offers, in big chips. */
export const prepChoices = [10, 15, 20, 30, 45, 60, 90] as const;

/**
 * The time the accept sheet preselects: the usual preparation plus the shop's busy-mode extra
 * minutes (the shop's setting; 0 when it has none), kept within the allowed range.
 */
export function suggestedPrepMinutes(extraMinutes = 0): number {
  return Math.min(MAX_PREP_MINUTES, Math.max(MIN_PREP_MINUTES, PREPARATION_MINUTES + extraMinutes));
}

export const rejectReasons = ['out_of_stock', 'closing_soon', 'too_busy', 'other'] as const;
export type RejectReason = (typeof rejectReasons)[number];

const rejectionText: Record<Exclude<RejectReason, 'other'>, string> = {
  out_of_stock: 'Some items are out of stock',
  closing_soon: 'The shop is closing soon',
  too_busy: 'The shop is too busy right now',
};

/** A rejection as the customer reads it: the list's words, or the shop's own for `other`. */
export function rejectionWords(code: RejectReason, text?: string | undefined): string {
  if (code === 'other') return text?.trim() || 'The shop could not take it';
  return rejectionText[code];
}

/** What the estimate needs of an accepted order. */
export interface EstimateInput {
  accepted_at: string | null;
  prep_minutes: number | null;
  distance_m: number;
}

/**
 * When an accepted order will be ready at the shop and about when it reaches the door (preparation
 * plus the ride, as `deliveryEtaMinutes` reckons it). Undefined until the shop has accepted.
 */
export function orderEstimate(order: EstimateInput): { ready_by: string; arrives_by: string } | undefined {
  if (!order.accepted_at || order.prep_minutes === null) return undefined;
  const accepted = Date.parse(order.accepted_at);
  const minute = 60_000;
  return {
    ready_by: new Date(accepted + order.prep_minutes * minute).toISOString(),
    arrives_by: new Date(accepted + deliveryEtaMinutes(order.distance_m, order.prep_minutes) * minute).toISOString(),
  };
}
