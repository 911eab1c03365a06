import type { NearbyStore, StoreDetails } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app';
import { bearer, KUPWARA } from '../../test/factories';
import { line, makeMarket, orderBody, postOrder, unansweredGateway } from '../../test/orders';
import type { Db } from '../platform/db';

type Session = { access_token: string };

/** The app and what a test asks of it: a shop's details, its card in the nearby list, its switches set. */
function shops(onlinePayments: boolean) {
  let app: FastifyInstance;
  let db: Db;
  beforeAll(async () => {
    const test = await makeTestApp(onlinePayments ? { payments: unansweredGateway } : {});
    app = test.app;
    db = test.platform.database.db;
  });
  afterAll(() => app.close());
  return {
    market: () => makeMarket(app, db),
    details: async (id: string) => (await app.inject({ url: `/api/v1/stores/${id}` })).json() as StoreDetails,
    card: async (id: string) => {
      const res = await app.inject({ url: `/api/v1/stores?lat=${KUPWARA.lat}&lng=${KUPWARA.lng}&limit=100` });
      return (res.json().items as NearbyStore[]).find((store) => store.id === id);
    },
    mine: async (seller: Session) =>
      (await app.inject({ url: '/api/v1/seller/store', headers: bearer(seller) })).json() as StoreDetails,
    patch: (seller: Session, payload: object) =>
      app.inject({ method: 'PATCH', url: '/api/v1/seller/store', headers: bearer(seller), payload }),
    order: (customer: Session, body: object) => postOrder(app, customer, body),
  };
}

describe('with a payment gateway', () => {
  const s = shops(true);

  it('a new shop takes both, and customers are offered both, in its details and the nearby list', async () => {
    const { seller, store } = await s.market();
    expect(await s.mine(seller)).toMatchObject({ accepts_cash: true, accepts_online: true });
    expect((await s.details(store.id)).payment_methods).toEqual(['cash', 'online']);
    expect((await s.card(store.id))?.payment_methods).toEqual(['cash', 'online']);
  });

  it('a switch shows at once, even in the cached nearby list; the last one on cannot go off', async () => {
    const { seller, store } = await s.market();
    // Read first, so the list and the details are cached when the switch changes.
    expect((await s.card(store.id))?.payment_methods).toEqual(['cash', 'online']);
    expect((await s.details(store.id)).payment_methods).toEqual(['cash', 'online']);

    const { version } = await s.mine(seller);
    const cashOff = await s.patch(seller, { version, accepts_cash: false });
    expect(cashOff.statusCode, cashOff.body).toBe(200);
    expect(cashOff.json()).toMatchObject({
      accepts_cash: false,
      accepts_online: true,
      payment_methods: ['online'],
      version: version + 1,
    });
    expect((await s.card(store.id))?.payment_methods).toEqual(['online']);
    expect((await s.details(store.id)).payment_methods).toEqual(['online']);

    const allOff = await s.patch(seller, { version: version + 1, accepts_online: false });
    expect(allOff.statusCode, allOff.body).toBe(422);
    expect(allOff.json().error).toMatchObject({
      code: 'NO_PAYMENT_METHOD',
      details: { available: ['cash', 'online'] },
    });
    const both = await s.patch(seller, { version: version + 1, accepts_cash: false, accepts_online: false });
    expect(both.statusCode).toBe(422);
    // Nothing changed: the version is the one after the first switch.
    expect(await s.mine(seller)).toMatchObject({ accepts_cash: false, accepts_online: true, version: version + 1 });

    // Swapping in one edit is fine: one stays on.
    const swapped = await s.patch(seller, { version: version + 1, accepts_cash: true, accepts_online: false });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect((await s.card(store.id))?.payment_methods).toEqual(['cash']);
    // A stale version is a 409 with the store as it is, whatever the switches would do.
    const stale = await s.patch(seller, { version, accepts_cash: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ accepts_cash: true, accepts_online: false });
  });

  it('placing is refused for a way of paying the shop does not take', async () => {
    const { seller, store, rice, customer } = await s.market();
    const { version } = await s.mine(seller);
    expect((await s.patch(seller, { version, accepts_online: false })).statusCode).toBe(200);
    const online = await s.order(customer, orderBody(store.id, [line(rice)], { payment_method: 'online' }));
    expect(online.statusCode).toBe(422);
    expect(online.json().error).toMatchObject({ code: 'PAYMENT_METHOD_NOT_ACCEPTED', details: { accepted: ['cash'] } });

    const swap = await s.patch(seller, { version: version + 1, accepts_online: true, accepts_cash: false });
    expect(swap.statusCode, swap.body).toBe(200);
    const cash = await s.order(customer, orderBody(store.id, [line(rice)]));
    expect(cash.statusCode).toBe(422);
    expect(cash.json().error).toMatchObject({ code: 'PAYMENT_METHOD_NOT_ACCEPTED', details: { accepted: ['online'] } });
    const paidOnline = await s.order(customer, orderBody(store.id, [line(rice)], { payment_method: 'online' }));
    expect(paidOnline.statusCode, paidOnline.body).toBe(201);
  });
});

describe('without a payment gateway', () => {
  const s = shops(false);

  it('customers are offered cash only, whatever the online switch says', async () => {
    const { seller, store } = await s.market();
    expect(await s.mine(seller)).toMatchObject({ accepts_cash: true, accepts_online: true, payment_methods: ['cash'] });
    expect((await s.details(store.id)).payment_methods).toEqual(['cash']);
    expect((await s.card(store.id))?.payment_methods).toEqual(['cash']);
  });

  it('cash cannot be switched off: it is the only way to pay; other edits go through', async () => {
    const { seller } = await s.market();
    const { version } = await s.mine(seller);
    const off = await s.patch(seller, { version, accepts_cash: false });
    expect(off.statusCode).toBe(422);
    expect(off.json().error).toMatchObject({ code: 'NO_PAYMENT_METHOD', details: { available: ['cash'] } });
    expect(off.json().error.message).toMatch(/online payments are not available/);
    // The online switch alone may be set: it waits for a gateway.
    const onlineOff = await s.patch(seller, { version, accepts_online: false });
    expect(onlineOff.statusCode, onlineOff.body).toBe(200);
    const renamed = await s.patch(seller, { version: version + 1, name: 'Lone Kiryana' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Lone Kiryana', accepts_cash: true, accepts_online: false });
  });

  it('checks the switches are true or false', async () => {
    const { seller } = await s.market();
    const { version } = await s.mine(seller);
    const res = await s.patch(seller, { version, accepts_cash: 'no' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
