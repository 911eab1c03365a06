// The small world authorization.test.ts walks every route in: two shops far apart, each with its
// seller, customer and rider, and one operator. Everything is made through the API.
import { randomUUID } from 'node:crypto';
import type { Order, Session } from '@kupwara/shared';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect, vi } from 'vitest';
import type { Caller, SecretKind } from '../src/authorization-matrix';
import type { Db } from '../src/platform/db';
import { bearer, KUPWARA, makeProduct, makeStore, north, PASSWORD, registerUser } from './factories';
import { advanceOrder, HOME, line, makeAdmin, orderBody, postOrder } from './orders';

export type Person = Exclude<Caller, 'nobody'>;
type Account = Session & { password: string };

export interface Secret {
  kind: SecretKind;
  /** Whose it is and what, for the report: "customer's phone". */
  what: string;
  /** The text a response must not carry. */
  needle: string;
  seenBy: ReadonlySet<Caller>;
}

export interface Shop {
  storeId: string;
  location: { lat: number; lng: number };
  product: { id: string; price_paise: number };
}

export const SHOP_B = north(KUPWARA, 40_000);

export async function buildWorld(app: FastifyInstance, db: Db) {
  const secrets: Secret[] = [];
  const secret = (kind: SecretKind, what: string, needle: string, seenBy: Caller[]) =>
    secrets.push({ kind, what, needle, seenBy: new Set(seenBy) });

  const a = await makeStore(app, { name: 'Lone General Store' });
  const b = await makeStore(app, { name: 'Mir Kiryana', location: SHOP_B });
  const shopA: Shop = {
    storeId: a.store.id,
    location: KUPWARA,
    product: await makeProduct(app, a.seller, { name: 'Basmati Rice', stock: 50 }),
  };
  const shopB: Shop = {
    storeId: b.store.id,
    location: SHOP_B,
    product: await makeProduct(app, b.seller, { name: 'Kahwa Tea', stock: 50 }),
  };
  // Shop A's product the matrix deletes last.
  const doomed = await makeProduct(app, a.seller, { name: 'Walnuts' });
  const people: Record<Person, Account> = {
    customer: await registerUser(app, { name: 'Shabnam Bhat' }),
    otherCustomer: await registerUser(app, { name: 'Irfan Dar' }),
    seller: a.seller,
    otherSeller: b.seller,
    rider: await registerUser(app, { role: 'rider', name: 'Bilal Mir' }),
    otherRider: await registerUser(app, { role: 'rider', name: 'Tariq Shah' }),
    admin: { ...(await makeAdmin(app, db)), password: PASSWORD } as Account,
  };
  const as = (who: Person) => bearer(people[who]);
  const call = async (who: Person, request: InjectOptions, status = 200) => {
    const res = await app.inject({ ...request, headers: { ...as(who), ...request.headers } });
    expect(res.statusCode, `${request.method} ${request.url}: ${res.body}`).toBe(status);
    return res.statusCode === 204 ? undefined : res.json();
  };

  const phone = (who: Person) => people[who].user.phone.slice(-10);
  const seenPhone: Record<Person, Caller[]> = {
    customer: ['customer', 'seller', 'rider'],
    otherCustomer: ['otherCustomer', 'otherSeller', 'otherRider'],
    seller: ['seller'],
    otherSeller: ['otherSeller'],
    rider: ['rider', 'customer', 'seller'],
    otherRider: ['otherRider', 'otherCustomer', 'otherSeller'],
    admin: [],
  };
  for (const who of Object.keys(seenPhone) as Person[]) {
    secret('phone', `${who}'s phone`, phone(who), [who, ...seenPhone[who], 'admin']);
  }

  async function saveAddress(who: 'customer' | 'otherCustomer', label: string) {
    const text = `${label} of ${who}, lane ${randomUUID().slice(0, 8)}`;
    const saved = (await call(
      who,
      { method: 'POST', url: '/api/v1/me/addresses', payload: { label, text, location: HOME.location } },
      201,
    )) as { id: string };
    secret('address', `${who}'s saved address`, text, [who]);
    return saved.id;
  }
  const addresses = {
    home: await saveAddress('customer', 'Home'),
    spare: await saveAddress('customer', 'Work'),
    otherHome: await saveAddress('otherCustomer', 'Home'),
  };

  /**
   * An order of `who` at `shop`: its delivery address text and its hand-over code become secrets,
   * the address seen by `alsoSeenBy` (the shop, the rider) and the operator.
   */
  async function order(
    who: 'customer' | 'otherCustomer',
    shop: Shop,
    name: string,
    alsoSeenBy: Caller[],
    method: 'cash' | 'online' = 'cash',
  ) {
    const text = `${name}: house ${randomUUID().slice(0, 8)}, Kupwara`;
    const res = await postOrder(
      app,
      people[who],
      orderBody(shop.storeId, [line(shop.product)], {
        payment_method: method,
        delivery_address: { ...HOME, location: north(shop.location, 1200), text },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const placed = res.json() as Order;
    secret('address', `${who}'s delivery address of ${name}`, text, [who, ...alsoSeenBy, 'admin']);
    expect(placed.delivery_otp).toMatch(/^\d{4}$/);
    secret('hand-over code', `${who}'s hand-over code of ${name}`, `"${placed.delivery_otp}"`, [who]);
    return placed.id;
  }

  const partiesA = { customer: people.customer, seller: people.seller, rider: people.rider, admin: people.admin };
  const partiesB = {
    customer: people.otherCustomer,
    seller: people.otherSeller,
    rider: people.otherRider,
    admin: people.admin,
  };
  // The riders are offline while the operator hands them these, so dispatch offers nothing meanwhile.
  const orders = {
    delivered: await order('customer', shopA, 'the delivered order', ['seller', 'rider']),
    carried: await order('customer', shopA, 'the carried order', ['seller', 'rider']),
    unpaid: await order('customer', shopA, 'the unpaid order', [], 'online'),
    accepted: await order('customer', shopA, 'the order the rider takes', ['seller', 'rider']),
    declined: await order('customer', shopA, 'the order the rider declines', ['seller']),
    otherCarried: await order('otherCustomer', shopB, 'the other carried order', ['otherSeller', 'otherRider']),
  };
  await advanceOrder(app, partiesA, orders.delivered, 'DELIVERED');
  await advanceOrder(app, partiesA, orders.carried, 'RIDER_ASSIGNED');
  await advanceOrder(app, partiesB, orders.otherCarried, 'RIDER_ASSIGNED');
  await advanceOrder(app, partiesA, orders.accepted, 'PREPARING');
  await advanceOrder(app, partiesA, orders.declined, 'PREPARING');

  const fixes = { rider: north(KUPWARA, 300), otherRider: north(SHOP_B, 300) };
  for (const who of ['rider', 'otherRider'] as const) {
    await call(who, { method: 'POST', url: '/api/v1/rider/status', payload: { status: 'online' } });
    const point = { ...fixes[who], recorded_at: new Date().toISOString() };
    await call(who, { method: 'POST', url: '/api/v1/rider/locations', payload: { points: [point] } });
  }

  const deviceToken = `ExponentPushToken[${randomUUID().replaceAll('-', '')}]`;
  await call('customer', {
    method: 'POST',
    url: '/api/v1/devices',
    payload: { expo_push_token: deviceToken, platform: 'android', app: 'customer' },
  });

  const notification = await vi.waitFor(
    async () => {
      const list = (await call('customer', { method: 'GET', url: '/api/v1/me/notifications' })) as {
        items: { id: string }[];
      };
      const [newest] = list.items;
      if (!newest) throw new Error('no notification yet');
      return newest.id;
    },
    { timeout: 15_000, interval: 100 },
  );

  // Logins of a spare account: the public session routes pass its refresh token on, one to the next.
  const spare = await registerUser(app, { name: 'Spare Account' });

  /** A ready order offered to the rider, waited for: the offer's id. */
  async function offerOf(orderId: string) {
    await call('seller', {
      method: 'POST',
      url: `/api/v1/orders/${orderId}/transitions`,
      payload: { to: 'READY_FOR_PICKUP' },
    });
    return vi.waitFor(
      async () => {
        const mine = (await call('rider', { method: 'GET', url: '/api/v1/rider/assignments' })) as {
          offers: { id: string; order_id: string }[];
        };
        const offer = mine.offers.find((candidate) => candidate.order_id === orderId);
        if (!offer) throw new Error(`no offer of ${orderId} yet`);
        return offer.id;
      },
      { timeout: 15_000, interval: 100 },
    );
  }

  return {
    people,
    shops: { customer: shopA, seller: shopA, otherCustomer: shopB, otherSeller: shopB },
    doomed,
    addresses,
    orders,
    fixes,
    deviceToken,
    notification,
    spare: { phone: spare.user.phone, password: spare.password, refreshToken: spare.refresh_token },
    secrets,
    secret,
    call,
    offerOf,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
