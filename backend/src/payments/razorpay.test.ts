import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('refunds once per idempotency key, even asked twice at once, and refuses another body under the same key', async () => {
    const order = await gateway.createOrder({ amountPaise: 5_000, receipt: 'refund-case' });
    const { payment } = fake.pay(order.id);
    const ask = () => gateway.refund({ paymentId: payment.id, amountPaise: 5_000, idempotencyKey: 'refund-key-0001' });
    const [a, b] = await Promise.all([ask(), ask()]);
    expect(a.id).toBe(b.id);
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
    expect((await refusal(wrongKey.createOrder({ amountPaise: 5_000, receipt: 'x' })))?.status).toBe(401);
    const nobody = razorpayGateway({ gateway: 'razorpay', ...keys, apiUrl: 'http://127.0.0.1:9', checkoutUrl: '' });
    expect(await refusal(nobody.createOrder({ amountPaise: 5_000, receipt: 'x' }))).toEqual({
      status: undefined,
      code: 'NETWORK',
      retryable: true,
    });
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
});
