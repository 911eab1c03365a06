import type { DeliveryOffer } from '@kupwara/shared';
import type { CallOutput } from '@kupwara/shared/client';

export type Assignments = CallOutput<'riderAssignments'>;

/** The assignments with an offer that arrived on the socket, once (a repeat replaces it). */
export function withOffer(assignments: Assignments | undefined, offer: DeliveryOffer): Assignments {
  const offers = (assignments?.offers ?? []).filter((each) => each.id !== offer.id);
  return { offers: [...offers, offer], deliveries: assignments?.deliveries ?? [] };
}

/** The assignments once an offer is answered or has run out. */
export function withoutOffer(assignments: Assignments | undefined, offerId: string): Assignments | undefined {
  return assignments && { ...assignments, offers: assignments.offers.filter((each) => each.id !== offerId) };
}

/** The offers still open at `now`, soonest to end first. */
export function openOffers(assignments: Assignments | undefined, now: number): DeliveryOffer[] {
  return (assignments?.offers ?? [])
    .filter((offer) => Date.parse(offer.expires_at) > now)
    .sort((a, b) => Date.parse(a.expires_at) - Date.parse(b.expires_at));
}

/** Whole seconds left to answer, counted up so "0 s" never shows while the offer is still open. */
export function secondsLeft(offer: DeliveryOffer, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(offer.expires_at) - now) / 1000));
}
