// What the browser tests share: API clients set up the way the apps would, a shop of the test's
// own, and a seller signed in on the web build.
import { type Session, weekdays } from '@kupwara/shared';
import { createApiClient, createSessionStore, memoryStorage } from '@kupwara/shared/client';
import type { Page } from 'playwright-core';
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

/** Signs a rider in on the rider web build and waits for the Work tab. */
export async function signInRider(page: Page, server: RunningServer, phone: string) {
  await page.goto(`${server.url}/rider/`);
  await page.getByLabel('Phone number').fill(phone);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Work', level: 1, exact: true }).waitFor();
}
