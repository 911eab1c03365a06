import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { PaymentGatewayOptions } from '../platform/config';
import {
  GatewayError,
  type GatewayEvent,
  type GatewayOrder,
  type GatewayPayment,
  type GatewayRefund,
  type PaymentGateway,
} from './gateway';

/** How long one call to Razorpay may take before it counts as no answer (and may be tried again). */
const TIMEOUT_MS = 10_000;

type Entity = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const amount = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);

const paymentOf = (entity: Entity): GatewayPayment => ({
  id: String(entity.id),
  orderId: text(entity.order_id) ?? '',
  amountPaise: amount(entity.amount),
  currency: String(entity.currency),
  status: entity.status as GatewayPayment['status'],
  method: text(entity.method),
  errorCode: text(entity.error_code),
  errorDescription: text(entity.error_description),
});

const refundOf = (entity: Entity): GatewayRefund => ({
  id: String(entity.id),
  paymentId: String(entity.payment_id),
  amountPaise: amount(entity.amount),
  status: entity.status as GatewayRefund['status'],
});

/** Equal hex signatures, compared in constant time (a different length is simply not equal). */
function sameSignature(expected: string, given: string) {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Razorpay, as its API documents it (https://razorpay.com/docs/api/): Basic auth with the key id
 * and secret, amounts in paise, errors as `{ error: { code, description } }`.
 */
export function razorpayGateway(options: PaymentGatewayOptions): PaymentGateway {
  const auth = `Basic ${Buffer.from(`${options.keyId}:${options.keySecret}`).toString('base64')}`;
  const base = options.apiUrl.replace(/\/$/, '');

  async function call(method: 'GET' | 'POST', path: string, body?: object, headers: Record<string, string> = {}) {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: auth,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new GatewayError(`Razorpay did not answer ${method} ${path}: ${String(error)}`, undefined, 'NETWORK', true);
    }
    // The timeout covers the body too. A success whose body is lost is no answer: the caller asks
    // again (a refund under the same idempotency key) rather than keep an entity without an id.
    const answer = (await res.json().catch(() => undefined)) as
      | (Entity & { error?: { code?: string; description?: string } })
      | undefined;
    if (res.ok) {
      if (typeof answer?.id !== 'string' && typeof answer?.entity !== 'string')
        throw new GatewayError(`Razorpay's answer to ${method} ${path} could not be read`, res.status, 'NETWORK', true);
      return answer;
    }
    const code = answer?.error?.code ?? `HTTP_${res.status}`;
    const description = answer?.error?.description ?? res.statusText;
    // 5xx, 429 and a 409 ("a prior request with this key is still being processed") may work later.
    const retryable = res.status >= 500 || res.status === 429 || res.status === 409;
    throw new GatewayError(`Razorpay refused ${method} ${path}: ${description}`, res.status, code, retryable);
  }

  return {
    name: 'razorpay',
    keyId: options.keyId,
    checkoutUrl: options.checkoutUrl,

    async createOrder({ amountPaise, receipt, notes }) {
      const order = await call('POST', '/v1/orders', { amount: amountPaise, currency: 'INR', receipt, notes });
      return {
        id: String(order.id),
        amountPaise: amount(order.amount),
        currency: 'INR',
        receipt: String(order.receipt),
        status: order.status as GatewayOrder['status'],
      };
    },

    verifyPaymentSignature({ gatewayOrderId, paymentId, signature }) {
      const expected = createHmac('sha256', options.keySecret).update(`${gatewayOrderId}|${paymentId}`).digest('hex');
      return sameSignature(expected, signature);
    },

    async payment(paymentId) {
      return paymentOf(await call('GET', `/v1/payments/${encodeURIComponent(paymentId)}`));
    },

    async paymentsOf(gatewayOrderId) {
      const collection = await call('GET', `/v1/orders/${encodeURIComponent(gatewayOrderId)}/payments`);
      return ((collection.items as Entity[] | undefined) ?? []).map(paymentOf);
    },

    async capture(paymentId, amountPaise) {
      const path = `/v1/payments/${encodeURIComponent(paymentId)}`;
      try {
        return paymentOf(await call('POST', `${path}/capture`, { amount: amountPaise, currency: 'INR' }));
      } catch (error) {
        // Captured meanwhile (by the account's auto-capture, or another of our calls): it is what we wanted.
        if (error instanceof GatewayError && error.status === 400) {
          const payment = paymentOf(await call('GET', path));
          if (payment.status === 'captured' || payment.status === 'refunded') return payment;
        }
        throw error;
      }
    },

    async refund({ paymentId, amountPaise, idempotencyKey, notes }) {
      const path = `/v1/payments/${encodeURIComponent(paymentId)}/refund`;
      // The same key with the same body is the same refund, however often it is asked.
      const body = { amount: amountPaise, speed: 'normal', notes: notes ?? {} };
      return refundOf(await call('POST', path, body, { 'x-refund-idempotency': idempotencyKey }));
    },

    async refundOf(paymentId, refundId) {
      return refundOf(
        await call('GET', `/v1/payments/${encodeURIComponent(paymentId)}/refunds/${encodeURIComponent(refundId)}`),
      );
    },

    verifyWebhook(rawBody, signature) {
      if (!signature) return false;
      return sameSignature(createHmac('sha256', options.webhookSecret).update(rawBody).digest('hex'), signature);
    },

    parseWebhook(rawBody, eventId): GatewayEvent {
      const event = JSON.parse(rawBody.toString('utf8')) as {
        event?: unknown;
        payload?: Record<string, { entity?: Entity }>;
      };
      const payment = event.payload?.payment?.entity;
      const refund = event.payload?.refund?.entity;
      return {
        // Razorpay names each event in a header; a body without one is known by its hash.
        id: eventId ?? `sha256:${createHash('sha256').update(rawBody).digest('hex')}`,
        type: String(event.event),
        ...(payment ? { payment: paymentOf(payment) } : {}),
        ...(refund ? { refund: refundOf(refund) } : {}),
      };
    },
  };
}
