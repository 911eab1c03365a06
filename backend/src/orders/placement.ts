import { randomInt } from 'node:crypto';
import {
  deliveryFeePaise,
  firstPaymentState,
  type Order,
  openingStatus,
  type PlaceOrderRequest,
  placedStatus,
} from '@kupwara/shared';
import { contactOf } from '../accounts/users';
import { catalogChanged } from '../catalog/catalog-cache';
import { reserveStock } from '../catalog/stock';
import { AppError, notFound } from '../platform/http/errors';
import { runOnce } from '../platform/idempotency';
import { newId } from '../platform/ids';
import { enqueue, wakeRunners } from '../platform/jobs';
import { storeForOrder } from '../stores/seller-store';
import { effectsOf, releaseJobs } from './effects';
import { type OrderEventRow, type OrderRow, orderView } from './order-view';
import { orderEvents, orderItems, orders } from './tables';
import type { OrderDeps } from './transitions';

export const rupees = (paise: number) => `₹${(paise / 100).toFixed(paise % 100 === 0 ? 0 : 2)}`;

/**
 * Places a customer's order, once per Idempotency-Key: in one transaction the store must be open,
 * deliver to the address and take the way of paying, every price must be the one the customer saw,
 * and the stock is taken off the shelf. A cash order goes to the shop at once; one paid online
 * waits for its payment (the shop does not see it), holding its stock until `paymentTimeoutMs`.
 */
export async function placeOrder(
  deps: OrderDeps,
  customerId: string,
  key: string,
  input: PlaceOrderRequest,
  now = new Date(),
) {
  const request = { userId: customerId, key, method: 'POST', path: '/orders', body: input };
  const answer = await runOnce<Order>(deps.db, request, async (tx) => {
    const to = input.delivery_address.location;
    const store = await storeForOrder(tx, input.store_id, to);
    if (!store) throw notFound('Store');
    const hours = store.isAcceptingOrders ? openingStatus(store.openingHours, store.timeZone, now) : undefined;
    if (!hours?.isOpen) {
      throw new AppError(409, 'STORE_CLOSED', `${store.name} is not taking orders now`, {
        opens_at: hours?.opensAt?.toISOString() ?? null,
      });
    }
    if (store.pausedUntil && store.pausedUntil > now) {
      throw new AppError(409, 'STORE_PAUSED', `${store.name} is busy and takes no new orders for now`, {
        paused_until: store.pausedUntil.toISOString(),
      });
    }
    const takes = { cash: store.acceptsCash, online: store.acceptsOnline && deps.onlinePayments };
    if (!takes[input.payment_method]) {
      throw new AppError(
        422,
        'PAYMENT_METHOD_NOT_ACCEPTED',
        `${store.name} does not take ${input.payment_method === 'cash' ? 'cash on delivery' : 'online payments'}`,
        {
          accepted: Object.entries(takes).flatMap(([method, taken]) => (taken ? [method] : [])),
        },
      );
    }
    if (store.distanceM > store.deliveryRadiusM) {
      throw new AppError(422, 'OUT_OF_DELIVERY_AREA', `${store.name} does not deliver to this address`, {
        distance_m: store.distanceM,
        delivery_radius_m: store.deliveryRadiusM,
      });
    }
    const lines = await reserveStock(
      tx,
      store.id,
      input.items.map((item) => ({
        productId: item.product_id,
        quantity: item.quantity,
        seenPricePaise: item.unit_price_paise,
      })),
    );
    const subtotal = lines.reduce((sum, line) => sum + line.unitPricePaise * line.quantity, 0);
    if (subtotal < store.minOrderPaise) {
      throw new AppError(
        422,
        'BELOW_MINIMUM_ORDER',
        `${store.name} takes orders from ${rupees(store.minOrderPaise)}: add ${rupees(store.minOrderPaise - subtotal)} more`,
        { min_order_paise: store.minOrderPaise, subtotal_paise: subtotal },
      );
    }
    const customer = await contactOf(tx, customerId);
    if (!customer) throw notFound('Customer');
    const fee = deliveryFeePaise(store.distanceM);
    const online = input.payment_method === 'online';
    const status = placedStatus(input.payment_method);
    const row: OrderRow = {
      id: newId(),
      status,
      version: 1,
      lastSeq: 1,
      customerId,
      customerName: customer.name,
      customerPhone: customer.phone,
      storeId: store.id,
      sellerId: store.sellerId,
      storeName: store.name,
      storePhone: store.phone,
      storeAddress: store.address,
      storeLocation: store.location,
      riderId: null,
      riderName: null,
      riderPhone: null,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotalPaise: subtotal,
      deliveryFeePaise: fee,
      totalPaise: subtotal + fee,
      paymentMethod: input.payment_method,
      paymentState: firstPaymentState(input.payment_method),
      payBy: online ? new Date(now.getTime() + deps.paymentTimeoutMs) : null,
      releasedAt: online ? null : now,
      deliveryLabel: input.delivery_address.label,
      deliveryText: input.delivery_address.text,
      deliveryLocation: to,
      deliveryLandmark: input.delivery_address.landmark || null,
      distanceM: store.distanceM,
      note: input.note || null,
      deliveryOtp: String(randomInt(0, 10_000)).padStart(4, '0'),
      otpAttempts: 0,
      answerBy: online ? null : new Date(now.getTime() + deps.pendingTimeoutMs),
      seenByStoreAt: null,
      prepMinutes: null,
      acceptedAt: null,
      stockRestoredAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const items = lines.map((line, position) => ({ orderId: row.id, position, ...line }));
    const event: OrderEventRow = {
      orderId: row.id,
      seq: 1,
      kind: 'transition',
      status,
      fromStatus: null,
      actor: 'customer',
      actorId: customerId,
      reason: null,
      reasonCode: null,
      occurredAt: now,
      recordedAt: now,
    };
    return {
      statusCode: 201,
      body: orderView(row, items, [event], 'customer'),
      // Sent in one round trip with the saved answer: the order, its lines, its first event, its jobs.
      writes: [
        tx.insert(orders).values(row),
        tx.insert(orderItems).values(items),
        tx.insert(orderEvents).values(event),
        // Paid online, the shop's clock starts when the payment is captured (transitions.ts); the payment's now.
        enqueue(tx, [...effectsOf(row, event, deps.eventEffects), ...(online ? [] : releaseJobs(deps, row.id, now))]),
      ],
    };
  });
  if (!answer.replayed) await Promise.all([wakeRunners(deps.bus), catalogChanged(deps.cache, input.store_id)]);
  return answer;
}
