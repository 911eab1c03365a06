// What the browser tests share: API clients set up the way the apps would, a shop of the test's
// own, and a seller signed in on the web build.
import { randomUUID } from 'node:crypto';
import { type Order, type OrderStatus, pathBetween, type Session, weekdays } from '@kupwara/shared';
import { createApiClient, createSessionStore, memoryStorage } from '@kupwara/shared/client';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';
import type { RunningServer } from './server';

export type Api = ReturnType<typeof createApiClient>;

/** The shared client against the test's server, signed in as `session` (or nobody). */
export function apiClient(server: RunningServer, session: Session | null = null): Api {
  const sessions = createSessionStore(memoryStorage());
  sessions.store.setState({ session, loaded: true });
  return createApiClient({ baseUrl: `${server.url}/api/v1`, tokens: sessions.tokens });
}

let phoneNumber = 9_419_200_000;
/** A phone number no other account in the run has. */
export function nextPhone() {
  phoneNumber += 1;
  return `+91${phoneNumber}`;
}

export const PASSWORD = 'chinar-leaf-42';
/** Far from the demo town's shops, so the only shop near is the test's own. */
export const HERE = { lat: 34.6, lng: 74.4 };
/** Open all day, every day: the test's shop takes orders whenever the test runs. */
export const ALWAYS_OPEN = Object.fromEntries(
  weekdays.map((day) => [day, [{ open: '00:00', close: '24:00' }]]),
) as Record<(typeof weekdays)[number], { open: string; close: string }[]>;

/** A seller with an open shop of two products, made through the API; `phone` signs them in. */
export async function openShop(server: RunningServer, name = 'Gulzar Kiryana') {
  const phone = nextPhone();
  const session = await apiClient(server).call('register', {
    body: { role: 'seller', name: 'Gulzar Ahmad', phone, password: PASSWORD },
  });
  const api = apiClient(server, session);
  await api.call('createMyStore', {
    body: { name, address: 'Old Bus Stand', location: HERE, delivery_radius_km: 5 },
  });
  const store = await api.call('updateMyStore', {
    body: { version: 1, opening_hours: ALWAYS_OPEN, categories: ['grocery'] },
  });
  const products = [];
  for (const [productName, price_paise] of [
    ['Basmati Rice', 12_000],
    ['Kahwa Tea', 25_050],
  ] as const) {
    products.push(
      await api.call('createProduct', { body: { name: productName, price_paise, unit: '1 kg', stock: 50 } }),
    );
  }
  return { phone, session, api, store, products };
}

/** A customer near the shop, made through the API. */
export async function newCustomer(server: RunningServer, name = 'Shazia Bhat') {
  const session = await apiClient(server).call('register', {
    body: { role: 'customer', name, phone: nextPhone(), password: PASSWORD },
  });
  return { session, api: apiClient(server, session) };
}

/** Signs a seller in on the seller web build and waits for their shop's first screen. */
export async function signInSeller(page: Page, server: RunningServer, phone: string) {
  await page.goto(`${server.url}/seller/`);
  await page.getByLabel('Phone number').fill(phone);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Orders', level: 1, exact: true }).waitFor();
}

/** A rider on a motorcycle, made through the API; `phone` signs them in. */
export async function newRider(server: RunningServer, name = 'Bilal Mir') {
  const phone = nextPhone();
  const session = await apiClient(server).call('register', {
    body: { role: 'rider', name, phone, password: PASSWORD, vehicle_type: 'motorcycle' },
  });
  return { phone, session, api: apiClient(server, session) };
}

/** The demo town's operator (the server seeds one on a new database; admins are never self-registered), through the API. */
export async function operator(server: RunningServer) {
  const session = await apiClient(server).call('login', {
    body: { phone: '+919906000000', password: 'kupwara-demo' },
  });
  return { session, api: apiClient(server, session) };
}

/** Signs a rider in on the rider web build and waits for the Work tab. */
export async function signInRider(page: Page, server: RunningServer, phone: string) {
  await page.goto(`${server.url}/rider/`);
  await page.getByLabel('Phone number').fill(phone);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Work', level: 1, exact: true }).waitFor();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Rider = Awaited<ReturnType<typeof newRider>>;

/**
 * Riders handed to the returned function go off shift after each test, so the next test's order is
 * offered to the next test's rider (dispatch offers the nearest online one).
 */
export function offShiftAfterEach(): (rider: Rider) => void {
  let riders: Rider[] = [];
  afterEach(async () => {
    for (const rider of riders) await rider.api.call('setRiderStatus', { body: { status: 'offline' } });
    riders = [];
  });
  return (rider) => {
    riders.push(rider);
  };
}

/** Puts the rider online with a fix beside `near`, so dispatch can find them. */
export async function riderOnlineNear(rider: Awaited<ReturnType<typeof newRider>>, near: { lat: number; lng: number }) {
  await rider.api.call('setRiderStatus', { body: { status: 'online' } });
  await rider.api.call('sendLocations', {
    body: { points: [{ ...near, recorded_at: new Date().toISOString() }] },
  });
}

/** Waits for the order's offer to reach the rider (dispatch runs as a job once the order is ready), then takes it. */
export async function takeOffer(rider: Awaited<ReturnType<typeof newRider>>, orderId: string) {
  let offer: { id: string } | undefined;
  for (let tries = 0; !offer && tries < 100; tries++) {
    offer = (await rider.api.call('riderAssignments', {})).offers.find((open) => open.order_id === orderId);
    if (!offer) await sleep(200);
  }
  if (!offer) throw new Error('the rider was never offered the order');
  return rider.api.call('acceptOffer', { params: { id: offer.id } });
}

/** Moves an order step by step as `api`'s user, with what each step needs (a prep time, the customer's code). */
async function moveThrough(api: Api, id: string, from: OrderStatus, to: OrderStatus, otp?: string) {
  let order: Order | undefined;
  for (const step of pathBetween(from, to)) {
    order = await api.call('transitionOrder', {
      params: { id },
      body: {
        to: step.to,
        ...(step.needs.includes('otp') ? { otp } : {}),
        ...(step.needs.includes('prep') ? { prep_minutes: 20 } : {}),
      },
    });
  }
  return order;
}

/**
 * A cash order of the shop's (2 rice, 1 tea) placed by the customer, made ready by the shop, then
 * taken by the rider (online, beside the shop) and handed over with the customer's code, all
 * through the API. Returns the delivered order as the rider sees it.
 */
export async function deliverThroughApi(
  shop: Awaited<ReturnType<typeof openShop>>,
  customer: Awaited<ReturnType<typeof newCustomer>>,
  rider: Awaited<ReturnType<typeof newRider>>,
): Promise<Order> {
  const [rice, tea] = shop.products;
  if (!rice || !tea) throw new Error('the shop has its two products');
  const placed = await customer.api.call('placeOrder', {
    idempotencyKey: `e2e-${randomUUID()}`,
    body: {
      store_id: shop.store.id,
      items: [
        { product_id: rice.id, quantity: 2, unit_price_paise: rice.price_paise },
        { product_id: tea.id, quantity: 1, unit_price_paise: tea.price_paise },
      ],
      delivery_address: { label: 'Home', text: 'Green gate', location: { lat: HERE.lat + 0.005, lng: HERE.lng } },
      payment_method: 'cash',
    },
  });
  await moveThrough(shop.api, placed.id, placed.status, 'READY_FOR_PICKUP');
  await riderOnlineNear(rider, { lat: HERE.lat + 0.0005, lng: HERE.lng });
  await takeOffer(rider, placed.id);
  const { delivery_otp: otp, status } = await customer.api.call('getOrder', { params: { id: placed.id } });
  const delivered = await moveThrough(rider.api, placed.id, status, 'DELIVERED', otp);
  if (delivered?.status !== 'DELIVERED') throw new Error('the order was not delivered');
  return delivered;
}

/** Signs a customer in on the customer web build and waits for the shops near them. */
export async function signInCustomer(page: Page, server: RunningServer, phone: string) {
  await page.goto(`${server.url}/customer/`);
  await page.getByLabel('Phone number').fill(phone);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Shops near you' }).waitFor();
}

/**
 * An order of two rice, paid in cash, 1.1 km north of the test's shop (which has a phone), made ready by the shop and
 * taken by a new rider online near the shop (all through the API), as the rider's app starts it.
 */
export async function deliveryForRider(server: RunningServer) {
  const shop = await openShop(server);
  // The shop's number, for the rider to call from the shop's step (and when the hand-over locks).
  await shop.api.call('updateMyStore', { body: { version: shop.store.version, phone: shop.phone } });
  const customer = await newCustomer(server);
  const rider = await newRider(server);
  const [rice] = shop.products;
  const placed = await customer.api.call('placeOrder', {
    idempotencyKey: randomUUID(),
    body: {
      store_id: shop.store.id,
      items: [{ product_id: rice?.id ?? '', quantity: 2, unit_price_paise: rice?.price_paise ?? 0 }],
      delivery_address: {
        label: 'Home',
        text: 'House 12, Main Road',
        location: { lat: HERE.lat + 0.01, lng: HERE.lng },
      },
      payment_method: 'cash',
      note: 'Ring twice',
    },
  });
  await riderOnlineNear(rider, { lat: HERE.lat - 0.003, lng: HERE.lng });
  await moveThrough(shop.api, placed.id, placed.status, 'READY_FOR_PICKUP');
  await takeOffer(rider, placed.id);
  const order = await customer.api.call('getOrder', { params: { id: placed.id } });
  return { shop, customer, rider, order, otp: order.delivery_otp ?? '' };
}
