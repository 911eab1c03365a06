import { type LeadsTo, notificationOrderId } from '@kupwara/shared/app';

/** A customer's notification or push opens its order's tracking screen. */
export const leadsTo: LeadsTo = (notification) => {
  const orderId = notificationOrderId(notification);
  return orderId ? `/orders/${orderId}` : undefined;
};
