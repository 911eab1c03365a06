import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { registerUser } from '../../test/factories';
import { FAKE_AUTH_KEY, FAKE_TEMPLATES, type FakeMsg91, fakeSmsOptions, startFakeMsg91 } from '../../test/fake-msg91';
import type { SmsOptions } from '../platform/config';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { type SmsSender, sendOrderSms } from './order-sms';
import { createShortLink, SHORT_LINK_TTL_MS } from './short-links';
import { msg91Gateway, SmsRefused } from './sms';

let app: FastifyInstance;
let db: Db;
let fake: FakeMsg91;

beforeAll(async () => {
  fake = await startFakeMsg91();
  const test = await makeTestApp();
  app = test.app;
  db = test.platform.database.db;
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

const VARIABLES = { customer: 'Shabnam Bhat', items: '2', total: '₹245', link: 'https://kupwaracart.test/s/Ab3dE6gH' };
const mobilesOf = (phone: string) => phone.slice(1);
const requestsTo = (phone: string) =>
  fake.requests.filter((request) => {
    const recipients = (request.body as { recipients?: { mobiles?: string }[] }).recipients;
    return recipients?.[0]?.mobiles === mobilesOf(phone);
  });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SmsRefused)) throw new Error(`expected SmsRefused, got ${String(error)}`);
  return { code: error.code, message: error.message, retryable: error.retryable };
}

describe('the MSG91 adapter', () => {
  it('sends the template with its variables as the Flow API documents, and answers its request id', async () => {
    const phone = '+919876500001';
    const gateway = msg91Gateway(fakeSmsOptions(fake));
    const { ref } = await gateway.send({ phone, templateId: FAKE_TEMPLATES.newOrder, variables: VARIABLES });
    expect(requestsTo(phone)).toEqual([
      {
        method: 'POST',
        path: '/api/v5/flow',
        authkey: FAKE_AUTH_KEY,
        contentType: 'application/json',
        body: {
          template_id: FAKE_TEMPLATES.newOrder,
          short_url: '0',
          recipients: [{ ...VARIABLES, mobiles: '919876500001' }],
        },
      },
    ]);
    expect(fake.sent.find((sent) => sent.recipient.mobiles === '919876500001')?.ref).toBe(ref);
    expect(ref).toMatch(/^[0-9a-f]{24}$/);
  });

  it('reads a refusal: wrong auth key and unknown template are final, with MSG91 code or the HTTP status', async () => {
    const message = { phone: '+919876500002', templateId: FAKE_TEMPLATES.newOrder, variables: VARIABLES };
    const wrongKey = msg91Gateway(fakeSmsOptions(fake, { authKey: 'not-the-key' }));
    expect(await refusal(wrongKey.send(message))).toEqual({
      code: '207',
      message: 'Invalid authentication key',
      retryable: false,
    });
    const gateway = msg91Gateway(fakeSmsOptions(fake));
    expect(await refusal(gateway.send({ ...message, templateId: 'no-such-template' }))).toEqual({
      code: 'HTTP_400',
      message: 'Invalid template id',
      retryable: false,
    });
    expect(await refusal(gateway.send({ ...message, variables: { customer: 'Shabnam Bhat' } }))).toEqual({
      code: 'HTTP_400',
      message: 'Missing variables: items,total,link',
      retryable: false,
    });
  });

  it('says a 5xx and an unreachable gateway may pass', async () => {
    const message = { phone: '+919876500003', templateId: FAKE_TEMPLATES.offer, variables: VARIABLES };
    fake.failNext(1, 502);
    expect(await refusal(msg91Gateway(fakeSmsOptions(fake)).send(message))).toEqual({
      code: 'HTTP_502',
      message: '<h1>Service Unavailable</h1>',
      retryable: true,
    });
    const nowhere = msg91Gateway(fakeSmsOptions(fake, { url: 'http://127.0.0.1:9' }));
    expect(await refusal(nowhere.send(message))).toMatchObject({ code: 'NETWORK', retryable: true });
  });
});

describe('texting someone about an order', () => {
  const logged: { level: string; fields: object }[] = [];
  const log = {
    info: (fields: object) => logged.push({ level: 'info', fields }),
    warn: (fields: object) => logged.push({ level: 'warn', fields }),
  };
  const sender = (overrides: Partial<SmsOptions> = {}): SmsSender => {
    const options = fakeSmsOptions(fake, overrides);
    return { db, gateway: msg91Gateway(options), options, log, retry: { attempts: 3, backoffMs: 5 } };
  };
  const seller = async () => (await registerUser(app, { role: 'seller' })).user;
  const newOrder = (userId: string, orderId = newId()) => ({
    orderId,
    userId,
    purpose: 'new_order' as const,
    variables: { customer: 'Shabnam Bhat', items: '2', total: '₹245' },
    linkPath: `/seller/orders/${orderId}`,
  });
  const rowsOf = async (orderId: string) =>
    (
      await db.execute<Record<string, unknown>>(
        sql`SELECT user_id, purpose, template_id, status, gateway_ref, error_code, error_message
            FROM sms_messages WHERE order_id = ${orderId}`,
      )
    ).rows;

  it('sends once with a short link to the page, and a second try finds it sent', async () => {
    const person = await seller();
    const sms = newOrder(person.id);
    expect(await sendOrderSms(sender(), sms)).toBe('sent');
    expect(await sendOrderSms(sender(), sms)).toBe('already');
    const [sent, ...more] = fake.sent.filter((s) => s.recipient.mobiles === mobilesOf(person.phone));
    expect(more).toEqual([]);
    const [link] = (
      await db.execute<{ code: string; ttl_ms: number }>(
        sql`SELECT code, (extract(epoch FROM expires_at - created_at) * 1000)::int AS ttl_ms
            FROM short_links WHERE path = ${sms.linkPath}`,
      )
    ).rows;
    expect(link?.ttl_ms).toBe(SHORT_LINK_TTL_MS);
    expect(link?.code).toMatch(/^[0-9A-Za-z]{8}$/);
    expect(sent).toEqual({
      ref: expect.any(String),
      templateId: FAKE_TEMPLATES.newOrder,
      recipient: {
        mobiles: mobilesOf(person.phone),
        customer: 'Shabnam Bhat',
        items: '2',
        total: '₹245',
        link: `https://kupwaracart.test/s/${link?.code}`,
      },
    });
    expect(await rowsOf(sms.orderId)).toEqual([
      {
        user_id: person.id,
        purpose: 'new_order',
        template_id: FAKE_TEMPLATES.newOrder,
        status: 'sent',
        gateway_ref: sent?.ref,
        error_code: null,
        error_message: null,
      },
    ]);
  });

  it('records and logs a refusal with its code, and never tries it again', async () => {
    const person = await seller();
    const sms = newOrder(person.id);
    expect(await sendOrderSms(sender({ authKey: 'revoked-key' }), sms)).toBe('failed');
    expect(await sendOrderSms(sender(), sms)).toBe('already');
    expect(requestsTo(person.phone)).toHaveLength(1);
    expect(await rowsOf(sms.orderId)).toEqual([
      {
        user_id: person.id,
        purpose: 'new_order',
        template_id: FAKE_TEMPLATES.newOrder,
        status: 'failed',
        gateway_ref: null,
        error_code: '207',
        error_message: 'Invalid authentication key',
      },
    ]);
    expect(logged).toContainEqual({
      level: 'warn',
      fields: {
        order: sms.orderId,
        user: person.id,
        purpose: 'new_order',
        template: FAKE_TEMPLATES.newOrder,
        code: '207',
        err: 'Invalid authentication key',
      },
    });
  });

  it('records a template the gateway does not know as failed', async () => {
    const person = await seller();
    const sms = newOrder(person.id);
    const wrong = sender({ templates: { newOrder: 'unregistered', offer: FAKE_TEMPLATES.offer } });
    expect(await sendOrderSms(wrong, sms)).toBe('failed');
    expect(await rowsOf(sms.orderId)).toMatchObject([
      { template_id: 'unregistered', status: 'failed', error_code: 'HTTP_400', error_message: 'Invalid template id' },
    ]);
  });

  it('tries again after a 5xx, and sends', async () => {
    const person = await seller();
    const sms = newOrder(person.id);
    fake.failNext(2, 503);
    expect(await sendOrderSms(sender(), sms)).toBe('sent');
    expect(requestsTo(person.phone)).toHaveLength(3);
    expect(await rowsOf(sms.orderId)).toMatchObject([{ status: 'sent', error_code: null }]);
  });

  it('gives up after a few tries when the gateway stays down', async () => {
    const person = await seller();
    const sms = newOrder(person.id);
    fake.failNext(10, 503);
    try {
      expect(await sendOrderSms(sender(), sms)).toBe('failed');
    } finally {
      fake.failNext(0);
    }
    expect(requestsTo(person.phone)).toHaveLength(3);
    expect(await rowsOf(sms.orderId)).toMatchObject([{ status: 'failed', error_code: 'HTTP_503' }]);
  });

  it('sends and records nothing when SMS is not configured', async () => {
    const person = await seller();
    const sms = newOrder(person.id);
    expect(await sendOrderSms(undefined, sms)).toBe('off');
    expect(await rowsOf(sms.orderId)).toEqual([]);
    expect(requestsTo(person.phone)).toEqual([]);
  });
});

describe('GET /s/:code', () => {
  it('leads to the page it was made for', async () => {
    const code = await createShortLink(db, '/seller/orders/0190f7e2-0000-7000-8000-000000000001');
    const res = await app.inject({ url: `/s/${code}` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/seller/orders/0190f7e2-0000-7000-8000-000000000001');
  });

  it('answers 404 with the error body once it has expired, or for a code never made', async () => {
    const expired = await createShortLink(db, '/rider/', new Date(Date.now() - SHORT_LINK_TTL_MS - 1000));
    for (const code of [expired, 'Zz9Zz9Zz', 'not a code']) {
      const res = await app.inject({ url: `/s/${encodeURIComponent(code)}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Link not found' } });
    }
  });
});
