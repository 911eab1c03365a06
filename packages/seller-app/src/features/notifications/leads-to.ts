import { type LeadsTo, notificationOrderId } from '@kupwara/shared/app';

/** A shop's notification or push (a new order, a cancellation, a rider at the door) opens that order. */
export const leadsTo: LeadsTo = (notification) => {
  const orderId = notificationOrderId(notification);
  return orderId ? `/orders/${orderId}` : undefined;
};
