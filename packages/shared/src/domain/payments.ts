import { isEnded, type OrderStatus } from './order-machine';

/** How a customer pays: cash to the rider at the door, or online (UPI, cards, netbanking) through the gateway's checkout. */
export const paymentMethods = ['cash', 'online'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * Where an order's money stands, kept on the order:
 * - `due`: cash, to be collected at the door; `collected` once the rider confirmed it.
 * - `awaiting`: online, the customer has not paid yet; `paid` once the gateway captured it.
 * - `refunding` → `refunded` (or `refund_failed`, for an operator): a paid order that did not reach the door.
 * - `void`: the order ended with nothing paid and nothing owed.
 */
export const paymentStates = [
  'due',
  'collected',
  'awaiting',
  'paid',
  'refunding',
  'refunded',
  'refund_failed',
  'void',
] as const;
export type PaymentState = (typeof paymentStates)[number];

/** The state an order's money starts in, by how it is paid. */
export const firstPaymentState = (method: PaymentMethod): PaymentState => (method === 'online' ? 'awaiting' : 'due');

/** What a ledger row records: a payment attempt at the gateway, a refund of one, or cash taken at the door. */
export const paymentEntryKinds = ['charge', 'refund', 'cash'] as const;
export type PaymentEntryKind = (typeof paymentEntryKinds)[number];

/**
 * A ledger row's state: a charge is `created` → `authorized` → `captured` (or `failed`); a refund
 * is `pending` → `processed` (or `failed`); cash is `collected`. A row never moves back.
 */
export const paymentEntryStatuses = [
  'created',
  'authorized',
  'captured',
  'failed',
  'pending',
  'processed',
  'collected',
] as const;
export type PaymentEntryStatus = (typeof paymentEntryStatuses)[number];

/** Why a paid order is refunded: how it ended, or a second payment for an order already paid. */
export const refundReasons = ['rejected', 'cancelled', 'failed', 'duplicate'] as const;
export type RefundReason = (typeof refundReasons)[number];

/**
 * Where an order's money stands after a move, as the order machine's rules put it: delivered cash
 * was collected; a paid order that ends short of the door is to be refunded; anything else that
 * ends owes nothing. The gateway's news (`paid`, `refunded`) is the payments module's to write.
 */
export function paymentStateAfter(state: PaymentState, to: OrderStatus): PaymentState {
  if (to === 'DELIVERED') return state === 'due' ? 'collected' : state;
  if (!isEnded(to)) return state;
  return state === 'paid' ? 'refunding' : state === 'due' || state === 'awaiting' ? 'void' : state;
}
