import { type LeadsTo, notificationOrderId } from '@kupwara/shared/app';

/**
 * A rider's notification or push: an offer opens the Work tab, where the offer card is answered
 * (the order is not theirs until they take it); an expired offer leads nowhere; cash handed over
 * (about no order) opens their cash; the rest open the delivery.
 */
export const leadsTo: LeadsTo = (notification) => {
  if (notification.kind === 'rider.new_offer') return '/';
  if (notification.kind === 'rider.cash_settled') return '/cash';
  if (notification.kind === 'rider.offer_expired') return undefined;
  const orderId = notificationOrderId(notification);
  return orderId ? `/delivery/${orderId}` : undefined;
};
