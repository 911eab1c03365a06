import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkoutScript } from './fake-razorpay-checkout';

/**
 * A fake Razorpay on 127.0.0.1, speaking the documented API (https://razorpay.com/docs/api/):
 * Basic auth with the key id and secret, orders, payments and their capture, refunds with
 * `X-Refund-Idempotency`, and Razorpay's error body `{ error: { code, description, … } }`.
 * It signs what the checkout hands the app (`order_id|payment_id` with the key secret) and the
 * webhooks it sends (the raw body with the webhook secret), as Razorpay does. It also serves a
 * checkout.js for the browser tests: `window.Razorpay` with the real script's options, whose
 * overlay pays or cancels with a tap.
 */

export interface FakeKeys {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
}

type Json = Record<string, unknown>;

export interface FakeOrder extends Json {
  id: string;
  entity: 'order';
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  status: 'created' | 'attempted' | 'paid';
  attempts: number;
  notes: Json;
  created_at: number;
}

export interface FakePayment extends Json {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  order_id: string;
  method: string;
  captured: boolean;
  amount_refunded: number;
  refund_status: 'partial' | 'full' | null;
  error_code: string | null;
  error_description: string | null;
  created_at: number;
}

export interface FakeRefund extends Json {
  id: string;
  entity: 'refund';
  amount: number;
  currency: string;
  payment_id: string;
  notes: Json;
  receipt: string | null;
  status: 'pending' | 'processed' | 'failed';
  speed_requested: string;
  created_at: number;
}

const now = () => Math.floor(Date.now() / 1000);
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newId = (prefix: string) =>
  `${prefix}_${Array.from(randomBytes(14), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('')}`;
const hmac = (secret: string, text: string | Buffer) => createHmac('sha256', secret).update(text).digest('hex');

class RazorpayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
    readonly field?: string,
    /** Razorpay says `NA` for source, step and reason when no input was at fault (auth, idempotency, its own failures). */
    readonly inputFault = true,
  ) {
    super(description);
  }
  body() {
    const known = this.inputFault && this.status < 500;
    return {
      error: {
        code: this.code,
        description: this.message,
        source: known ? 'business' : 'NA',
        step: known ? 'payment_initiation' : 'NA',
        reason: known ? 'input_validation_failed' : 'NA',
        metadata: {},
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}
const badRequest = (description: string, field?: string) =>
  new RazorpayError(400, 'BAD_REQUEST_ERROR', description, field);
const unauthorized = () => new RazorpayError(401, 'BAD_REQUEST_ERROR', 'Authentication failed', undefined, false);
/** What `failNext` answers: Razorpay's own failure, its rate limit, or an idempotent refund still under way. */
function failure(status: number) {
  if (status === 429) return new RazorpayError(429, 'BAD_REQUEST_ERROR', 'Too many requests', undefined, false);
  if (status === 409)
    return new RazorpayError(
      409,
      'BAD_REQUEST_ERROR',
      'A prior request with the same idempotency key is still being processed',
      undefined,
      false,
    );
  return new RazorpayError(
    status,
    'SERVER_ERROR',
    'The server encountered an error. The incident has been reported to admins.',
  );
}

/** A request's endpoint: its path with the ids as `:id`, e.g. `GET /v1/payments/:id/refunds/:id`. */
const isId = (_: string, i: number) => i >= 3 && i % 2 === 1;
const endpointOf = (method: string, path: string) =>
  `${method} ${path
    .split('/')
    .map((segment, i) => (isId(segment, i) ? ':id' : segment))
    .join('/')}`;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const integer = (value: unknown, field: string) => {
  if (value === undefined || value === null) throw badRequest(`The ${field} field is required.`, field);
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw badRequest(`The ${field} must be an integer.`, field);
  return value;
};

export interface FakeRazorpayOptions extends FakeKeys {
  /**
   * Where the fake sends its own webhooks (payment.captured, order.paid, payment.failed,
   * payment.authorized, refund.processed), as Razorpay would; none when unset. Also settable
   * later with `sendWebhooksTo` (the app listens only after the fake has started).
   */
  webhookUrl?: string;
  /** Another name for `webhookUrl`. */
  autoWebhooks?: string;
}

export async function startFakeRazorpay(options: FakeRazorpayOptions) {
  const orders = new Map<string, FakeOrder>();
  const payments = new Map<string, FakePayment>();
  const refunds = new Map<string, FakeRefund>();
  /** Idempotency key → the refund it made and the request (payment and body) that made it. */
  const refundKeys = new Map<string, { request: string; refundId: string }>();
  const requests: { method: string; path: string; endpoint: string; status: number }[] = [];
  let webhookUrl = options.webhookUrl ?? options.autoWebhooks;
  const webhooksSent: { type: string; status: number }[] = [];
  let failures: { left: number; status: number } = { left: 0, status: 500 };

  const basic = `Basic ${Buffer.from(`${options.keyId}:${options.keySecret}`).toString('base64')}`;

  function signedEvent(type: string, entities: { payment?: FakePayment; refund?: FakeRefund; order?: FakeOrder }) {
    const payload: Json = {};
    for (const [name, entity] of Object.entries(entities)) if (entity) payload[name] = { entity };
    return JSON.stringify({
      entity: 'event',
      account_id: 'acc_FakeKupwara0001',
      event: type,
      contains: Object.keys(payload),
      payload,
      created_at: now(),
    });
  }

  /** POSTs a webhook signed as Razorpay signs them; answers the receiver's status (0 if it could not be reached). */
  async function webhook(
    targetUrl: string,
    type: string,
    entities: { payment?: FakePayment; refund?: FakeRefund; order?: FakeOrder },
    { eventId = newId('evt'), signature }: { eventId?: string; signature?: string } = {},
  ): Promise<number> {
    const body = signedEvent(type, entities);
    try {
      const res = await fetch(targetUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-razorpay-event-id': eventId,
          'x-razorpay-signature': signature ?? hmac(options.webhookSecret, body),
        },
        body,
      });
      await res.arrayBuffer();
      webhooksSent.push({ type, status: res.status });
      return res.status;
    } catch {
      webhooksSent.push({ type, status: 0 });
      return 0;
    }
  }

  const tell = (type: string, entities: Parameters<typeof webhook>[2]) => {
    if (webhookUrl) void webhook(webhookUrl, type, entities);
  };

  function orderOrFail(id: string) {
    const order = orders.get(id);
    if (!order) throw badRequest('The id provided does not exist', 'id');
    return order;
  }
  function paymentOrFail(id: string) {
    const payment = payments.get(id);
    if (!payment) throw badRequest('The id provided does not exist', 'id');
    return payment;
  }

  function capture(payment: FakePayment) {
    payment.status = 'captured';
    payment.captured = true;
    const order = orders.get(payment.order_id);
    if (order) Object.assign(order, { status: 'paid', amount_paid: payment.amount, amount_due: 0 });
  }

  /** A payment attempt as the checkout makes it: captured (the account captures automatically), authorized only, or failed. */
  function pay(
    gatewayOrderId: string,
    {
      method = 'upi',
      capture: captures = true,
      fail = false,
    }: { method?: string; capture?: boolean; fail?: boolean } = {},
  ) {
    const order = orderOrFail(gatewayOrderId);
    order.attempts += 1;
    if (order.status === 'created') order.status = 'attempted';
    const payment: FakePayment = {
      id: newId('pay'),
      entity: 'payment',
      amount: order.amount,
      currency: order.currency,
      status: fail ? 'failed' : 'authorized',
      order_id: order.id,
      method,
      captured: false,
      amount_refunded: 0,
      refund_status: null,
      error_code: fail ? 'BAD_REQUEST_ERROR' : null,
      error_description: fail ? 'Payment failed because the UPI PIN was wrong' : null,
      created_at: now(),
    };
    payments.set(payment.id, payment);
    if (!fail && captures) capture(payment);
    if (fail) tell('payment.failed', { payment });
    else if (captures) {
      tell('payment.captured', { payment });
      tell('order.paid', { payment, order });
    } else tell('payment.authorized', { payment });
    return { payment: { ...payment }, signature: hmac(options.keySecret, `${order.id}|${payment.id}`) };
  }

  function createRefund(payment: FakePayment, body: Json): FakeRefund {
    if (payment.status !== 'captured')
      throw badRequest('The payment has not been captured or has been fully refunded', 'payment_id');
    const amount =
      body.amount === undefined ? payment.amount - payment.amount_refunded : integer(body.amount, 'amount');
    if (amount < 100) throw badRequest('The refund amount provided is less than minimum amount allowed', 'amount');
    if (amount > payment.amount - payment.amount_refunded)
      throw badRequest('The refund amount provided is greater than amount captured', 'amount');
    payment.amount_refunded += amount;
    payment.refund_status = payment.amount_refunded === payment.amount ? 'full' : 'partial';
    if (payment.refund_status === 'full') payment.status = 'refunded';
    const refund: FakeRefund = {
      id: newId('rfnd'),
      entity: 'refund',
      amount,
      currency: payment.currency,
      payment_id: payment.id,
      notes: (body.notes as Json) ?? {},
      receipt: typeof body.receipt === 'string' ? body.receipt : null,
      status: 'pending',
      speed_requested: typeof body.speed === 'string' ? body.speed : 'normal',
      created_at: now(),
    };
    refunds.set(refund.id, refund);
    // The bank settles it a moment later; Razorpay then says so by webhook.
    setTimeout(() => {
      refund.status = 'processed';
      tell('refund.processed', { refund, payment });
    }, 20).unref();
    return refund;
  }

  async function route(req: IncomingMessage, path: string, raw: Buffer): Promise<[number, unknown]> {
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/v1/checkout.js') return [200, checkoutScript(base)];
    // What the fake checkout's buttons call: an attempt as the customer makes it on Razorpay's page.
    if (method === 'POST' && path === '/v1/test/checkout') {
      const { key, order_id: orderId, outcome } = JSON.parse(raw.toString() || '{}');
      if (key !== options.keyId) throw unauthorized();
      const { payment, signature } = pay(orderId, { fail: outcome === 'failed' });
      if (outcome === 'failed')
        return [
          200,
          {
            error: {
              code: payment.error_code,
              description: payment.error_description,
              reason: 'payment_failed',
              metadata: { payment_id: payment.id, order_id: orderId },
            },
          },
        ];
      return [200, { razorpay_payment_id: payment.id, razorpay_order_id: orderId, razorpay_signature: signature }];
    }

    if (req.headers.authorization !== basic) throw unauthorized();
    if (failures.left > 0) {
      failures.left -= 1;
      throw failure(failures.status);
    }
    let body: Json = {};
    if (method === 'POST' && raw.length > 0) {
      try {
        body = JSON.parse(raw.toString());
      } catch {
        throw badRequest('The request body is not valid JSON');
      }
    }
    // The endpoint, and its ids in order: `GET /v1/payments/:id/refunds/:id`, [pay_…, rfnd_…].
    const shape = endpointOf(method, path);
    const [first = '', second = ''] = path.split('/').filter(isId);
    if (shape === 'POST /v1/orders') {
      const amount = integer(body.amount, 'amount');
      if (amount < 100) throw badRequest('The amount must be at least INR 1.00', 'amount');
      if (body.currency !== undefined && body.currency !== 'INR')
        throw badRequest('Currency is not supported', 'currency');
      if (typeof body.receipt === 'string' && body.receipt.length > 40)
        throw badRequest('The receipt may not be greater than 40 characters.', 'receipt');
      const order: FakeOrder = {
        id: newId('order'),
        entity: 'order',
        amount,
        amount_paid: 0,
        amount_due: amount,
        currency: 'INR',
        receipt: typeof body.receipt === 'string' ? body.receipt : null,
        status: 'created',
        attempts: 0,
        notes: (body.notes as Json) ?? {},
        created_at: now(),
      };
      orders.set(order.id, order);
      return [200, order];
    }
    if (shape === 'GET /v1/orders/:id/payments') {
      const order = orderOrFail(first);
      const items = [...payments.values()].filter((payment) => payment.order_id === order.id);
      return [200, { entity: 'collection', count: items.length, items }];
    }
    if (shape === 'GET /v1/orders/:id') return [200, orderOrFail(first)];
    if (shape === 'GET /v1/payments/:id') return [200, paymentOrFail(first)];
    if (shape === 'POST /v1/payments/:id/capture') {
      const payment = paymentOrFail(first);
      const amount = integer(body.amount, 'amount');
      if (body.currency !== payment.currency) throw badRequest('The currency field is required.', 'currency');
      if (payment.status === 'captured' || payment.status === 'refunded')
        throw badRequest('This payment has already been captured');
      if (payment.status !== 'authorized')
        throw badRequest('Only payments which have been authorized and not yet captured can be captured');
      if (amount !== payment.amount)
        throw badRequest('Capture amount must be equal to the amount authorized', 'amount');
      capture(payment);
      tell('payment.captured', { payment });
      return [200, payment];
    }
    if (shape === 'POST /v1/payments/:id/refund') {
      const payment = paymentOrFail(first);
      const key = req.headers['x-refund-idempotency'];
      // The same key is the same refund only for the same payment and the same body.
      const request = `${payment.id} ${raw.toString()}`;
      if (typeof key === 'string') {
        if (!/^[A-Za-z0-9_-]{10,}$/.test(key)) throw badRequest('The idempotency key is invalid');
        const seen = refundKeys.get(key);
        if (seen) {
          if (seen.request !== request)
            throw new RazorpayError(
              400,
              'BAD_REQUEST_ERROR',
              'Different request with the same idempotency key has already been processed.',
              undefined,
              false,
            );
          return [200, refunds.get(seen.refundId)];
        }
      }
      const refund = createRefund(payment, body);
      if (typeof key === 'string') refundKeys.set(key, { request, refundId: refund.id });
      return [200, refund];
    }
    if (shape === 'GET /v1/payments/:id/refunds/:id') {
      const refund = refunds.get(second);
      if (!refund || refund.payment_id !== first) throw badRequest('The id provided does not exist', 'id');
      return [200, refund];
    }
    throw badRequest('The requested URL was not found on the server.');
  }

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let status = 500;
    try {
      const [code, answer] = await route(req, path, await readBody(req));
      status = code;
      if (typeof answer === 'string') res.writeHead(code, { 'content-type': 'application/javascript' }).end(answer);
      else res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch (error) {
      const refusal = error instanceof RazorpayError ? error : new RazorpayError(500, 'SERVER_ERROR', String(error));
      status = refusal.status;
      res.writeHead(refusal.status, { 'content-type': 'application/json' }).end(JSON.stringify(refusal.body()));
    }
    const method = req.method ?? 'GET';
    requests.push({ method, path, endpoint: endpointOf(method, path), status });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    checkoutUrl: `${base}/v1/checkout.js`,
    orders,
    payments,
    refunds,
    /** Every API call answered, in order (the checkout script's too). */
    requests,
    /** How many calls one endpoint answered, e.g. `calls('POST /v1/payments/:id/refund')`. */
    calls: (endpoint: string) => requests.filter((request) => request.endpoint === endpoint).length,
    webhooksSent,
    pay,
    webhook,
    /** Where the fake sends its own webhooks from now on (undefined: nowhere). */
    sendWebhooksTo(url: string | undefined) {
      webhookUrl = url;
    },
    /**
     * The next `count` authenticated API calls answer `status`: a 5xx is Razorpay's SERVER_ERROR,
     * 429 its rate limit, 409 an idempotent refund whose first request is still being processed.
     */
    failNext(count: number, status = 500) {
      failures = { left: count, status };
    },
    /** A payment as the gateway has it now (a copy). */
    payment: (id: string) => ({ ...paymentOrFail(id) }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeRazorpay = Awaited<ReturnType<typeof startFakeRazorpay>>;
