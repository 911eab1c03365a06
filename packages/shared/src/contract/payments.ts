import { z } from 'zod';
import {
  paymentEntryKinds,
  paymentEntryStatuses,
  paymentMethods,
  paymentStates,
  refundReasons,
} from '../domain/payments';
import { id, text, timestamp } from './common';

export const paymentMethod = z.enum(paymentMethods);
export const paymentState = z.enum(paymentStates);

/** One row of an order's payment ledger: an attempt at the gateway, a refund, or cash taken at the door. */
export const paymentEntry = z.object({
  id,
  kind: z.enum(paymentEntryKinds),
  status: z.enum(paymentEntryStatuses),
  /** Always positive, in paise: a refund gives back, a charge or cash takes. */
  amount_paise: z.number().int(),
  /** How it was paid at the gateway (`upi`, `card`, `netbanking` …), when known. */
  instrument: z.string().nullable(),
  /** The gateway's id for it (`pay_…`, `rfnd_…`); null for cash. */
  reference: z.string().nullable(),
  /** A refund's reason. */
  reason: z.enum(refundReasons).nullable(),
  /** Why the gateway refused it, in its words. */
  error: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type PaymentEntry = z.infer<typeof paymentEntry>;

/** An order's money, as every party sees it; `history` only in the customer's and an operator's `GET /orders/:id`. */
export const orderPayment = z.object({
  method: paymentMethod,
  state: paymentState,
  /** While awaiting an online payment: when the order fails if it is still unpaid. */
  pay_by: timestamp.nullable(),
  history: z.array(paymentEntry).optional(),
});
export type OrderPayment = z.infer<typeof orderPayment>;

/** What the app needs to open the gateway's checkout for an order awaiting payment. */
export const checkout = z.object({
  gateway: z.literal('razorpay'),
  /** The gateway's public key. */
  key_id: z.string(),
  /** The gateway's order (`order_…`): one per KupwaraCart order, reused by every attempt. */
  gateway_order_id: z.string(),
  amount_paise: z.number().int(),
  currency: z.literal('INR'),
  /** The checkout script the web build loads. */
  checkout_url: z.string(),
  /** The line the checkout shows at the top. */
  name: z.string(),
  description: z.string(),
  prefill: z.object({ name: z.string(), contact: z.string() }),
  pay_by: timestamp,
});
export type Checkout = z.infer<typeof checkout>;

const gatewayId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{6,40}$`), `must be a ${prefix}_… id`);

/** What the gateway's checkout hands the app on success; the server checks the signature before it believes it. */
export const verifyPaymentRequest = z.strictObject({
  razorpay_order_id: gatewayId('order'),
  razorpay_payment_id: gatewayId('pay'),
  razorpay_signature: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits'),
});
export type VerifyPaymentRequest = z.infer<typeof verifyPaymentRequest>;

/** The cash a rider holds: taken at doors, less what they handed over. */
export const riderCash = z.object({
  in_hand_paise: z.number().int(),
  /** Cash taken at the door in the last 30 days, newest first. */
  collected: z.array(
    z.object({ order_id: id, store_name: z.string(), amount_paise: z.number().int(), collected_at: timestamp }),
  ),
  /** Hand-overs recorded by an operator in the last 30 days, newest first. */
  settlements: z.array(
    z.object({ id, amount_paise: z.number().int(), note: z.string().nullable(), settled_at: timestamp }),
  ),
});
export type RiderCash = z.infer<typeof riderCash>;

export const MAX_SETTLEMENT_PAISE = 10_000_000;

export const cashSettlementRequest = z.strictObject({
  amount_paise: z.number().int().positive().max(MAX_SETTLEMENT_PAISE),
  note: text(200).optional(),
});
export type CashSettlementRequest = z.infer<typeof cashSettlementRequest>;

export const cashSettlement = z.object({
  id,
  rider_id: id,
  amount_paise: z.number().int(),
  note: z.string().nullable(),
  settled_at: timestamp,
  /** What the rider still holds after it. */
  in_hand_paise: z.number().int(),
});
export type CashSettlement = z.infer<typeof cashSettlement>;

export const sellerPayoutsQuery = z.object({ days: z.coerce.number().int().min(1).max(31).default(7) });

/**
 * What the platform owes a shop, per day of its own time zone: the items of its delivered orders
 * (the delivery fee pays for the ride), by how the customer paid: cash the rider took, or online.
 */
export const sellerPayouts = z.object({
  days: z.array(
    z.object({
      /** YYYY-MM-DD in the shop's time zone; newest first, days with no delivery included. */
      date: z.string(),
      orders: z.number().int(),
      cash_paise: z.number().int(),
      online_paise: z.number().int(),
      owed_paise: z.number().int(),
    }),
  ),
  total_owed_paise: z.number().int(),
});
export type SellerPayouts = z.infer<typeof sellerPayouts>;
