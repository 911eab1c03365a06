import {
  awaitsAnswer,
  isFinal,
  type Order,
  type OrderActor,
  type OrderEvent,
  type OrderSummary,
  orderEstimate,
  type Role,
} from '@kupwara/shared';
import type { orderEvents, orderItems, orders } from './tables';

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;

/** Who is asking: a signed-in account, or the server itself (timeouts, dispatch). */
export type OrderCaller = { id: string; role: Role } | { id: null; role: 'system' };
export const SYSTEM: OrderCaller = { id: null, role: 'system' };

export const orderEventView = (row: OrderEventRow): OrderEvent => ({
  order_id: row.orderId,
  seq: row.seq,
  kind: row.kind,
  status: row.status,
  from_status: row.fromStatus,
  actor: row.actor,
  reason: row.reason,
  reason_code: row.reasonCode,
  occurred_at: row.occurredAt.toISOString(),
  recorded_at: row.recordedAt.toISOString(),
});

export function orderSummaryView(row: OrderRow): OrderSummary {
  const estimate = orderEstimate({
    accepted_at: row.acceptedAt?.toISOString() ?? null,
    prep_minutes: row.prepMinutes,
    distance_m: row.distanceM,
  });
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    store: { id: row.storeId, name: row.storeName },
    customer: { id: row.customerId, name: row.customerName },
    item_count: row.itemCount,
    total_paise: row.totalPaise,
    payment_method: row.paymentMethod,
    placed_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    seen: row.seenByStoreAt !== null,
    answer_by: awaitsAnswer(row.status) ? (row.answerBy?.toISOString() ?? null) : null,
    prep_minutes: row.prepMinutes,
    ready_by: estimate?.ready_by ?? null,
    arrives_by: estimate?.arrives_by ?? null,
  };
}

/**
 * The parties' numbers are for the delivery: once the order has ended, nobody sees another's phone
 * any more (an operator still does). The customer keeps the shop's: it is the shop's public number.
 */
function phonesFor(row: OrderRow, viewer: OrderActor) {
  const ended = isFinal(row.status) && viewer !== 'system';
  return {
    store: ended && viewer === 'rider' ? null : row.storePhone,
    customer: ended && viewer !== 'customer' ? null : row.customerPhone,
    rider: ended && viewer !== 'rider' ? null : row.riderPhone,
  };
}

export function orderView(
  row: OrderRow,
  items: readonly OrderItemRow[],
  events: readonly OrderEventRow[],
  viewer: OrderActor,
): Order {
  const phones = phonesFor(row, viewer);
  const view: Order = {
    ...orderSummaryView(row),
    store: {
      id: row.storeId,
      name: row.storeName,
      phone: phones.store,
      address: row.storeAddress,
      location: row.storeLocation,
    },
    customer: { id: row.customerId, name: row.customerName, phone: phones.customer },
    rider: row.riderId ? { id: row.riderId, name: row.riderName ?? '', phone: phones.rider } : null,
    items: items.map((item) => ({
      product_id: item.productId,
      name: item.name,
      unit: item.unit,
      unit_price_paise: item.unitPricePaise,
      quantity: item.quantity,
      line_total_paise: item.unitPricePaise * item.quantity,
    })),
    subtotal_paise: row.subtotalPaise,
    delivery_fee_paise: row.deliveryFeePaise,
    payment_method: row.paymentMethod,
    payment: {
      method: row.paymentMethod,
      state: row.paymentState,
      pay_by: row.paymentState === 'awaiting' ? (row.payBy?.toISOString() ?? null) : null,
    },
    delivery_address: {
      label: row.deliveryLabel,
      text: row.deliveryText,
      location: row.deliveryLocation,
      landmark: row.deliveryLandmark,
    },
    distance_m: row.distanceM,
    note: row.note,
    timeline: events.map(orderEventView),
  };
  // The code proves the rider met the customer: only the customer ever sees it.
  if (viewer === 'customer' && row.deliveryOtp && !isFinal(row.status)) view.delivery_otp = row.deliveryOtp;
  return view;
}
