import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeRazorpay, startFakeRazorpay } from '../../test/fake-razorpay';
import type { GatewayError, PaymentGateway } from './gateway';
import { razorpayGateway } from './razorpay';

const keys = { keyId: 'rzp_test_adapter', keySecret: 'adapter-key-secret', webhookSecret: 'adapter-webhook-secret' };
let fake: FakeRazorpay;
let gateway: PaymentGateway;

beforeAll(async () => {
  fake = await startFakeRazorpay(keys);
  gateway = razorpayGateway({ gateway: 'razorpay', ...keys, apiUrl: fake.url, checkoutUrl: fake.checkoutUrl });
});
afterAll(() => fake.close());

/** A webhook receiver on 127.0.0.1 that keeps what arrives, raw, as the app's route would get it. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/payments/webhooks/razorpay`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: GatewayError) => ({ status: error.status, code: error.code, retryable: error.retryable }),
  );

describe('the Razorpay adapter', () => {
  it("makes one gateway order per order, in paise, with our order's id as the receipt", async () => {
    const order = await gateway.createOrder({ amountPaise: 24_550, receipt: '0190abcd-order' });
    expect(order).toEqual({
      id: expect.stringMatching(/^order_/),
      amountPaise: 24_550,
      currency: 'INR',
      receipt: '0190abcd-order',
      status: 'created',
    });
    expect(fake.orders.get(order.id)).toMatchObject({ amount: 24_550, receipt: '0190abcd-order' });
  });

  it('reads the payments of an order, and captures an authorized one once however often it is asked', async () => {
    const order = await gateway.createOrder({ amountPaise: 10_000, receipt: 'capture-case' });
    fake.pay(order.id, { fail: true });
    const { payment } = fake.pay(order.id, { capture: false });
    const attempts = await gateway.paymentsOf(order.id);
    expect(attempts.map((attempt) => [attempt.status, attempt.errorCode !== null])).toEqual([
      ['failed', true],
      ['authorized', false],
    ]);
    const [first, second] = await Promise.all([
      gateway.capture(payment.id, 10_000),
      gateway.capture(payment.id, 10_000),
    ]);
    expect([first.status, second.status]).toEqual(['captured', 'captured']);
    expect(await gateway.payment(payment.id)).toMatchObject({
      id: payment.id,
      orderId: order.id,
      amountPaise: 10_000,
      method: 'upi',
    });
  });

  it('takes an already captured payment for captured, and refuses to capture another amount', async () => {
    const order = await gateway.createOrder({ amountPaise: 7_500, receipt: 'auto-captured' });
    const { payment } = fake.pay(order.id);
    expect(await gateway.capture(payment.id, 7_500)).toMatchObject({ id: payment.id, status: 'captured' });

    const other = await gateway.createOrder({ amountPaise: 7_500, receipt: 'wrong-amount' });
    const { payment: authorized } = fake.pay(other.id, { capture: false });
    expect(await refusal(gateway.capture(authorized.id, 7_000))).toEqual({
      status: 400,
      code: 'BAD_REQUEST_ERROR',
      retryable: false,
    });
    expect(fake.payment(authorized.id).status).toBe('authorized');
  });

  it('refunds once per idempotency key, even asked twice at once, and refuses another body under the same key', async () => {
    const order = await gateway.createOrder({ amountPaise: 5_000, receipt: 'refund-case' });
    const { payment } = fake.pay(order.id);
    const ask = () => gateway.refund({ paymentId: payment.id, amountPaise: 5_000, idempotencyKey: 'refund-key-0001' });
    const asked = fake.calls('POST /v1/payments/:id/refund');
    const [a, b] = await Promise.all([ask(), ask()]);
    expect(a).toEqual({
      id: expect.stringMatching(/^rfnd_/),
      paymentId: payment.id,
      amountPaise: 5_000,
      status: 'pending',
    });
    expect(b.id).toBe(a.id);
    expect(fake.calls('POST /v1/payments/:id/refund') - asked).toBe(2);
    expect([...fake.refunds.values()].filter((refund) => refund.payment_id === payment.id)).toHaveLength(1);
    expect(
      await refusal(gateway.refund({ paymentId: payment.id, amountPaise: 4_000, idempotencyKey: 'refund-key-0001' })),
    ).toEqual({
      status: 400,
      code: 'BAD_REQUEST_ERROR',
      retryable: false,
    });
    await expect.poll(async () => (await gateway.refundOf(payment.id, a.id)).status).toBe('processed');
  });

  it('calls a refund still under way (409) worth asking again, and refuses one the payment cannot give', async () => {
    const order = await gateway.createOrder({ amountPaise: 3_000, receipt: 'refund-refusals' });
    const { payment } = fake.pay(order.id);
    fake.failNext(1, 409);
    const key = 'refund-key-0409';
    expect(await refusal(gateway.refund({ paymentId: payment.id, amountPaise: 3_000, idempotencyKey: key }))).toEqual({
      status: 409,
      code: 'BAD_REQUEST_ERROR',
      retryable: true,
    });
    expect((await gateway.refund({ paymentId: payment.id, amountPaise: 3_000, idempotencyKey: key })).amountPaise).toBe(
      3_000,
    );
    // Refunded in full: nothing is left to give, under another key.
    expect(
      await refusal(gateway.refund({ paymentId: payment.id, amountPaise: 3_000, idempotencyKey: 'refund-key-again' })),
    ).toMatchObject({ status: 400, retryable: false });

    const unpaid = await gateway.createOrder({ amountPaise: 3_000, receipt: 'not-captured' });
    const { payment: authorized } = fake.pay(unpaid.id, { capture: false });
    const failure = await gateway
      .refund({ paymentId: authorized.id, amountPaise: 3_000, idempotencyKey: 'refund-key-authorized' })
      .catch((error: GatewayError) => error);
    expect(failure).toMatchObject({ status: 400, code: 'BAD_REQUEST_ERROR', retryable: false });
    expect((failure as GatewayError).message).toContain('has not been captured');
  });

  it('calls a 5xx, a 429 or no answer worth retrying, and a refusal not', async () => {
    fake.failNext(1, 503);
    expect(await refusal(gateway.createOrder({ amountPaise: 5_000, receipt: 'x' }))).toEqual({
      status: 503,
      code: 'SERVER_ERROR',
      retryable: true,
    });
    fake.failNext(1, 429);
    expect((await refusal(gateway.paymentsOf('order_none')))?.retryable).toBe(true);
    expect(await refusal(gateway.createOrder({ amountPaise: 50, receipt: 'x' }))).toEqual({
      status: 400,
      code: 'BAD_REQUEST_ERROR',
      retryable: false,
    });
    const wrongKey = razorpayGateway({
      gateway: 'razorpay',
      ...keys,
      keySecret: 'wrong',
      apiUrl: fake.url,
      checkoutUrl: '',
    });
    expect(await refusal(wrongKey.createOrder({ amountPaise: 5_000, receipt: 'x' }))).toEqual({
      status: 401,
      code: 'BAD_REQUEST_ERROR',
      retryable: false,
    });
    const nobody = razorpayGateway({ gateway: 'razorpay', ...keys, apiUrl: 'http://127.0.0.1:9', checkoutUrl: '' });
    expect(await refusal(nobody.createOrder({ amountPaise: 5_000, receipt: 'x' }))).toEqual({
      status: undefined,
      code: 'NETWORK',
      retryable: true,
    });
  });

  it('calls a success whose body cannot be read no answer (worth asking again)', async () => {
    const garbled = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":'));
    await new Promise<void>((resolve) => garbled.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(garbled.address() as AddressInfo).port}`;
    const broken = razorpayGateway({ gateway: 'razorpay', ...keys, apiUrl, checkoutUrl: '' });
    try {
      expect(
        await refusal(broken.refund({ paymentId: 'pay_X', amountPaise: 100, idempotencyKey: 'refund-key-garbled' })),
      ).toEqual({ status: 200, code: 'NETWORK', retryable: true });
    } finally {
      await new Promise<void>((resolve) => garbled.close(() => resolve()));
    }
  });

  it("believes the checkout's signature only for its own order and payment", async () => {
    const order = await gateway.createOrder({ amountPaise: 5_000, receipt: 'signature-case' });
    const other = await gateway.createOrder({ amountPaise: 5_000, receipt: 'other' });
    const { payment, signature } = fake.pay(order.id);
    const check = (gatewayOrderId: string, given: string) =>
      gateway.verifyPaymentSignature({ gatewayOrderId, paymentId: payment.id, signature: given });
    expect(check(order.id, signature)).toBe(true);
    expect(check(other.id, signature)).toBe(false);
    expect(
      check(
        order.id,
        signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      ),
    ).toBe(false);
    expect(check(order.id, signature.slice(1))).toBe(false);
    expect(
      check(order.id, createHmac('sha256', 'another-secret').update(`${order.id}|${payment.id}`).digest('hex')),
    ).toBe(false);
  });

  it("checks a webhook's signature over its raw bytes before reading it", () => {
    const body = Buffer.from(
      JSON.stringify({
        event: 'payment.captured',
        payload: {
          payment: {
            entity: {
              id: 'pay_X1',
              order_id: 'order_Y1',
              amount: 5_000,
              currency: 'INR',
              status: 'captured',
              method: 'upi',
            },
          },
        },
      }),
    );
    const signature = createHmac('sha256', keys.webhookSecret).update(body).digest('hex');
    expect(gateway.verifyWebhook(body, signature)).toBe(true);
    expect(gateway.verifyWebhook(Buffer.from(`${body.toString()} `), signature)).toBe(false);
    expect(gateway.verifyWebhook(body, createHmac('sha256', keys.keySecret).update(body).digest('hex'))).toBe(false);
    expect(gateway.verifyWebhook(body, undefined)).toBe(false);
    expect(gateway.parseWebhook(body, 'evt_1')).toEqual({
      id: 'evt_1',
      type: 'payment.captured',
      payment: {
        id: 'pay_X1',
        orderId: 'order_Y1',
        amountPaise: 5_000,
        currency: 'INR',
        status: 'captured',
        method: 'upi',
        errorCode: null,
        errorDescription: null,
      },
    });
    expect(gateway.parseWebhook(body, undefined).id).toMatch(/^sha256:/);
  });

  it('verifies and reads the webhooks the gateway sends, as they arrive', async () => {
    const receiver = await startReceiver();
    try {
      const order = await gateway.createOrder({ amountPaise: 6_000, receipt: 'webhook-case' });
      const { payment } = fake.pay(order.id);
      const refund = await gateway.refund({
        paymentId: payment.id,
        amountPaise: 6_000,
        idempotencyKey: 'refund-key-hook',
      });
      expect(
        await fake.webhook(receiver.url, 'refund.processed', {
          refund: fake.refunds.get(refund.id),
          payment: fake.payment(payment.id),
        }),
      ).toBe(200);
      const [delivery] = receiver.received;
      expect(delivery?.headers['content-type']).toBe('application/json');
      const signature = delivery?.headers['x-razorpay-signature'] as string;
      const eventId = delivery?.headers['x-razorpay-event-id'] as string;
      expect(eventId).toMatch(/^evt_[A-Za-z0-9]{14}$/);
      const raw = delivery?.body ?? Buffer.alloc(0);
      expect(gateway.verifyWebhook(raw, signature)).toBe(true);
      expect(JSON.parse(raw.toString())).toMatchObject({ entity: 'event', contains: ['refund', 'payment'] });
      expect(gateway.parseWebhook(raw, eventId)).toEqual({
        id: eventId,
        type: 'refund.processed',
        refund: { id: refund.id, paymentId: payment.id, amountPaise: 6_000, status: expect.any(String) },
        payment: expect.objectContaining({ id: payment.id, orderId: order.id, status: 'refunded' }),
      });

      // Pointed at a receiver, the fake tells it of payments itself, as Razorpay does.
      fake.sendWebhooksTo(receiver.url);
      const next = await gateway.createOrder({ amountPaise: 6_000, receipt: 'auto-webhooks' });
      fake.pay(next.id);
      await vi.waitFor(
        () => {
          const types = receiver.received.map((each) => gateway.parseWebhook(each.body, undefined).type);
          expect(types).toEqual(expect.arrayContaining(['payment.captured', 'order.paid']));
        },
        { timeout: 15_000 },
      );
    } finally {
      fake.sendWebhooksTo(undefined);
      await receiver.close();
    }
  });

  it("serves a checkout whose answers carry the gateway's signature", async () => {
    const script = await fetch(gateway.checkoutUrl);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('window.Razorpay');
    const order = await gateway.createOrder({ amountPaise: 4_200, receipt: 'checkout-case' });
    const paid = await fetch(`${fake.url}/v1/test/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: keys.keyId, order_id: order.id, outcome: 'captured' }),
    });
    const answer = (await paid.json()) as Record<string, string>;
    expect(answer.razorpay_order_id).toBe(order.id);
    expect(
      gateway.verifyPaymentSignature({
        gatewayOrderId: order.id,
        paymentId: answer.razorpay_payment_id ?? '',
        signature: answer.razorpay_signature ?? '',
      }),
    ).toBe(true);
    expect((await gateway.payment(answer.razorpay_payment_id ?? '')).status).toBe('captured');
  });
});
