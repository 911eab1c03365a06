/**
 * What KupwaraCart needs of a payment gateway, in its own words. One implementation follows
 * Razorpay's API (razorpay.ts); tests run it against a fake Razorpay on 127.0.0.1.
 */

export interface GatewayOrder {
  /** The gateway's id (`order_…`). */
  id: string;
  amountPaise: number;
  currency: 'INR';
  /** Our order's id. */
  receipt: string;
  status: 'created' | 'attempted' | 'paid';
}

export type GatewayPaymentStatus = 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';

export interface GatewayPayment {
  /** `pay_…` */
  id: string;
  /** The gateway order it pays (`order_…`). */
  orderId: string;
  amountPaise: number;
  currency: string;
  status: GatewayPaymentStatus;
  /** upi, card, netbanking, wallet … */
  method: string | null;
  errorCode: string | null;
  errorDescription: string | null;
}

export interface GatewayRefund {
  /** `rfnd_…` */
  id: string;
  paymentId: string;
  amountPaise: number;
  status: 'pending' | 'processed' | 'failed';
}

/** A webhook, once its signature has been checked: its id, its type, and the entities it carries. */
export interface GatewayEvent {
  id: string;
  /** `payment.captured`, `payment.failed`, `refund.processed` … */
  type: string;
  payment?: GatewayPayment;
  refund?: GatewayRefund;
}

/**
 * A refusal or a failure of the gateway. `retryable` when it may work later (a 5xx, a 429, the
 * network); otherwise the gateway refused the request itself (a 4xx: its `code` says why).
 */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface PaymentGateway {
  readonly name: 'razorpay';
  /** The public key the checkout opens with. */
  readonly keyId: string;
  /** The checkout script the web build loads. */
  readonly checkoutUrl: string;
  /** A gateway order for one of ours: the amount in paise, our order's id as the receipt. */
  createOrder(input: { amountPaise: number; receipt: string; notes?: Record<string, string> }): Promise<GatewayOrder>;
  /** Whether the checkout's `razorpay_signature` is the gateway's for this order and payment (constant time). */
  verifyPaymentSignature(input: { gatewayOrderId: string; paymentId: string; signature: string }): boolean;
  /** One payment, as the gateway has it now. */
  payment(paymentId: string): Promise<GatewayPayment>;
  /** Every payment attempted against a gateway order. */
  paymentsOf(gatewayOrderId: string): Promise<GatewayPayment[]>;
  /** Captures an authorized payment (the account may not capture automatically). */
  capture(paymentId: string, amountPaise: number): Promise<GatewayPayment>;
  /** A full refund of a captured payment, once per idempotency key however often it is asked. */
  refund(input: {
    paymentId: string;
    amountPaise: number;
    idempotencyKey: string;
    notes?: Record<string, string>;
  }): Promise<GatewayRefund>;
  /** One refund, as the gateway has it now. */
  refundOf(paymentId: string, refundId: string): Promise<GatewayRefund>;
  /** Whether `signature` (the `X-Razorpay-Signature` header) signs this raw body with the webhook secret (constant time). */
  verifyWebhook(rawBody: Buffer, signature: string | undefined): boolean;
  /** The event a verified body carries; `eventId` is the `X-Razorpay-Event-Id` header. */
  parseWebhook(rawBody: Buffer, eventId: string | undefined): GatewayEvent;
}
