import type { Order, OrderEvent } from '../contract/orders';

/**
 * An order as the app holds it, moved on by an event from its channel: the status the event leaves
 * it in and one more step in the timeline (an event already there changes nothing). A change within
 * a state (a rider taken early) keeps the status; what it changed, such as the rider, is in the order
 * read again after the event, as `useOrderLive` does.
 */
export function withEvent(order: Order, event: OrderEvent): Order {
  if (event.order_id !== order.id || order.timeline.some((step) => step.seq >= event.seq)) return order;
  return { ...order, status: event.status, timeline: [...order.timeline, event] };
}
