import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp, type TestApp } from '../test/app';
import { bearer } from '../test/factories';
import { type FakeMsg91, fakeSmsOptions, startFakeMsg91 } from '../test/fake-msg91';
import { advanceOrder, getOrder, line, makeMarket, placeOrder } from '../test/orders';
import { orderJobs } from './orders/effects';
import { wakeRunners } from './platform/jobs';

// What the logs of a whole session hold, every module's lines together (the masking itself: platform/log-privacy).
describe('the log of a whole session', () => {
  let fake: FakeMsg91;
  let test: TestApp;
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });

  beforeAll(async () => {
    fake = await startFakeMsg91();
    test = await makeTestApp(
      { logLevel: 'trace', sms: fakeSmsOptions(fake), smsFallbackAfterMs: 60_000 },
      { logStream: capture },
    );
  });
  afterAll(async () => {
    await test.app.close();
    await fake.close();
  });

  it('holds no password, token, hand-over code or full phone number', async () => {
    const { app } = test;
    const db = test.platform.database.db;
    const market = await makeMarket(app, db);
    const secrets: string[] = [market.customer.password, market.admin.access_token];
    for (const who of [market.customer, market.seller, market.rider])
      secrets.push(who.access_token, who.refresh_token, who.user.phone);

    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: market.customer.user.phone, password: 'not-my-password-at-all' },
    });
    expect(wrong.statusCode).toBe(401);
    secrets.push('not-my-password-at-all');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: market.customer.user.phone, password: market.customer.password },
    });
    expect(login.statusCode).toBe(200);
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: login.json().refresh_token },
    });
    expect(refreshed.statusCode).toBe(200);
    secrets.push(login.json().access_token, login.json().refresh_token, refreshed.json().refresh_token);

    const pushToken = 'ExponentPushToken[kupwaraLogTest0123456789]';
    const device = await app.inject({
      method: 'POST',
      url: '/api/v1/devices',
      headers: bearer(market.seller),
      payload: { expo_push_token: pushToken, platform: 'android', app: 'seller' },
    });
    expect(device.statusCode).toBeLessThan(300);
    secrets.push(pushToken, 'kupwaraLogTest0123456789');

    const order = await placeOrder(app, market.customer, market.store.id, [line(market.rice, 2)]);
    // The shop does not look: the SMS fallback texts the seller (the job made due now).
    await db.execute(
      sql`UPDATE jobs SET run_at = now() WHERE kind = ${orderJobs.newOrderSms} AND payload->>'order_id' = ${order.id}`,
    );
    await wakeRunners(test.platform.bus);
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1), { timeout: 15_000, interval: 100 });
    const code = (await getOrder(app, market.customer, order.id)).delivery_otp;
    expect(code).toMatch(/^\d{4,6}$/);
    await advanceOrder(app, market, order.id, 'DELIVERED');
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/devices/${encodeURIComponent(pushToken)}`,
      headers: bearer(market.seller),
    });
    expect(removed.statusCode).toBeLessThan(300);

    const log = lines.join('');
    // The capture works: the session's requests and its text message are there.
    expect(log).toContain('"msg":"sms sent"');
    expect(log).toContain('/api/v1/auth/refresh');
    // A token in a URL is masked on its way out, whatever line carries it.
    expect(log).toContain('/api/v1/devices/ExponentPushToken%5Bkupw...%5D');
    for (const secret of secrets) expect(log, secret.slice(0, 12)).not.toContain(secret);
    expect(log).not.toContain(market.seller.user.phone.slice(1));
    // The hand-over code is four to six digits, as likely inside an id as anywhere: it appears nowhere as a value.
    expect(log).not.toMatch(new RegExp(`"(otp|delivery_otp|code)":"?${code}`));
  });
});
