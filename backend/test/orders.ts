import { randomUUID } from 'node:crypto';
import { type Order, type OrderActor, type OrderStatus, type PaymentMethod, pathBetween } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { register } from '../src/accounts/users';
import type { PaymentGatewayOptions } from '../src/platform/config';
import type { Db } from '../src/platform/db';
import { bearer, KUPWARA, makeProduct, makeStore, north, PASSWORD, registerUser, uniquePhone } from './factories';

type Session = { access_token: string };
type Party = Session & { user: { id: string } };

export const newKey = () => `test-${randomUUID()}`;

/** Payments configured against a gateway nobody answers at: orders may be placed to be paid online, but not paid. */
export const unansweredGateway: PaymentGatewayOptions = {
  gateway: 'razorpay',
  keyId: 'rzp_test_unanswered',
  keySecret: 'unanswered-key-secret',
  webhookSecret: 'unanswered-webhook-secret',
  apiUrl: 'http://127.0.0.1:9',
  checkoutUrl: 'http://127.0.0.1:9/v1/checkout.js',
};

export const HOME = { label: 'Home', text: 'Near the Jamia Masjid, Kupwara', location: north(KUPWARA, 1200) };

export interface Line {
  product_id: string;
  quantity: number;
  unit_price_paise: number;
}

export const line = (product: { id: string; price_paise: number }, quantity = 1): Line => ({
  product_id: product.id,
  quantity,
  unit_price_paise: product.price_paise,
});

export function postOrder(app: FastifyInstance, customer: Session, payload: object, key: string | null = newKey()) {
  const headers = key === null ? bearer(customer) : { ...bearer(customer), 'idempotency-key': key };
  return app.inject({ method: 'POST', url: '/api/v1/orders', headers, payload });
}

export const orderBody = (storeId: string, lines: Line[], extra: object = {}) => ({
  store_id: storeId,
  items: lines,
  delivery_address: HOME,
  payment_method: 'cash',
  ...extra,
});

export function transition(app: FastifyInstance, who: Session, orderId: string, payload: object, key?: string) {
  const headers = key ? { ...bearer(who), 'idempotency-key': key } : bearer(who);
  return app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/transitions`, headers, payload });
}

export async function getOrder(app: FastifyInstance, who: Session, orderId: string) {
  const res = await app.inject({ url: `/api/v1/orders/${orderId}`, headers: bearer(who) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Order;
}

/** An operator (admins are never self-registered), signed in through the API. */
export async function makeAdmin(app: FastifyInstance, db: Db) {
  const phone = uniquePhone();
  await register(db, { name: 'Dispatch Desk', phone, password: PASSWORD, role: 'admin' });
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Session & { user: { id: string } };
}

/** A store with two products, a customer, a rider and an operator: everyone an order needs. */
export async function makeMarket(app: FastifyInstance, db: Db, stock = 20) {
  const { seller, store } = await makeStore(app);
  const rice = await makeProduct(app, seller, { name: 'Basmati Rice', price_paise: 12_000, stock });
  const tea = await makeProduct(app, seller, { name: 'Kahwa Tea', price_paise: 25_050, unit: '250 g', stock });
  const customer = await registerUser(app, { name: 'Shabnam Bhat' });
  const rider = await registerUser(app, { role: 'rider', name: 'Bilal Mir' });
  const admin = await makeAdmin(app, db);
  return { seller, store, rice, tea, customer, rider, admin };
}

/** Places an order through the API and returns it; fails the test on anything but 201. */
export async function placeOrder(
  app: FastifyInstance,
  customer: Session,
  storeId: string,
  lines: Line[],
  method: PaymentMethod = 'cash',
) {
  const res = await postOrder(app, customer, orderBody(storeId, lines, { payment_method: method }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Order;
}

/** Who plays each part in an order: `makeMarket`'s people (the operator acts for the system). */
export interface Parties {
  customer: Party;
  seller: Party;
  rider: Party;
  admin: Party;
}

/**
 * Walks an order through the API from where it is to `to` along the machine's path, each move
 * made by the party the table names, with what it needs (a reason, the customer's code, the
 * market's rider). Fails the test on any answer but 200; returns the order as the last move left it.
 */
export async function advanceOrder(app: FastifyInstance, parties: Parties, orderId: string, to: OrderStatus) {
  let order = await getOrder(app, parties.admin, orderId);
  const path = pathBetween(order.status, to);
  if (path.length === 0 && order.status !== to) throw new Error(`no way from ${order.status} to ${to}`);
  const who: Record<OrderActor, Party> = { ...parties, system: parties.admin };
  const otp = path.some((step) => step.needs.includes('otp'))
    ? (await getOrder(app, parties.customer, orderId)).delivery_otp
    : undefined;
  const given = {
    reason: { reason: 'Walked here by a test' },
    otp: { otp },
    rider: { rider_id: parties.rider.user.id },
    prep: { prep_minutes: 20 },
    rejection: { reject_reason: 'other', reason: 'Walked here by a test' },
  };
  for (const step of path) {
    const [actor = 'system'] = step.by;
    const body = Object.assign({ to: step.to }, ...step.needs.map((need) => given[need]));
    const res = await transition(app, who[actor], orderId, body);
    expect(res.statusCode, res.body).toBe(200);
    order = res.json() as Order;
  }
  return order;
}
