// The five scenarios of issue 20's table, as each side spells them: the same data, the same points,
// the same products; only paths and our order body's extra fields differ.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchRequest } from '../scenario';
import { centre } from '../town';
import { orderScript, randomPointScript } from './wrk';

export type SideKind = 'ref' | 'ours';

export interface Target {
  path: string;
  /** A wrk Lua script, when requests vary. */
  script?: string;
  /** The same requests for the paced half-load run. */
  paced: BenchRequest;
}

export interface Context {
  dir: string;
  store: { id: string; lat: number; lng: number; products: { id: string; pricePaise: number }[] };
  /** Fresh bearer tokens of our bench customers (the reference takes none). */
  tokens(): Promise<string[]>;
}

export interface CompareScenario {
  name: string;
  label: string;
  /** ours ÷ DRF the issue asks for. */
  goal: number;
  target(side: SideKind, context: Context): Promise<Target>;
}

/** A small seeded generator (mulberry32): the paced runs send the same points to both sides. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const storesPath = (side: SideKind, lat: string, lng: string) =>
  side === 'ref'
    ? `/api/v1/stores?lat=${lat}&lng=${lng}&radius_km=5`
    : `/api/v1/stores?lat=${lat}&lng=${lng}&radius_km=5&limit=20`;

const ORDER_LINES = 3;

function orderBody(context: Context, side: SideKind, first: number) {
  const { store } = context;
  const items = Array.from({ length: ORDER_LINES }, (_, k) => {
    const product = store.products[(first + k) % store.products.length];
    return { product_id: product?.id, quantity: 1, unit_price_paise: product?.pricePaise };
  });
  return JSON.stringify({ store_id: store.id, items, ...(side === 'ours' ? ourOrderFields(context) : {}) });
}

/** At the shop's own door, so any delivery radius reaches it; cash, which every shop takes. */
const ourOrderFields = ({ store }: Context) => ({
  delivery_address: { label: 'Home', text: 'Near the Jamia Masjid', location: { lat: store.lat, lng: store.lng } },
  payment_method: 'cash',
});

export const compareScenarios: CompareScenario[] = [
  {
    name: 'ping',
    label: 'framework ceiling (`/ping` vs `/healthz`)',
    goal: 6,
    async target(side) {
      const route = side === 'ref' ? '/api/v1/ping' : '/healthz';
      return { path: route, paced: { path: route } };
    },
  },
  {
    name: 'stores-centre',
    label: 'shops near the centre, same point (ours cached)',
    goal: 6,
    async target(side) {
      const route = storesPath(side, String(centre.lat), String(centre.lng));
      return { path: route, paced: { path: route } };
    },
  },
  {
    name: 'stores-random',
    label: 'shops near a random point within 2 km (no cache)',
    goal: 3,
    async target(side, { dir }) {
      const script = path.join(dir, `stores-random-${side}.lua`);
      await writeFile(script, randomPointScript(storesPath(side, '%.6f', '%.6f'), centre.lat, centre.lng));
      const random = seeded(4242);
      const point = () => (centre.lat + (random() - 0.5) * 0.04).toFixed(6);
      const pointLng = () => (centre.lng + (random() - 0.5) * 0.04).toFixed(6);
      return {
        path: '/api/v1/stores',
        script,
        paced: {
          path: storesPath(side, point(), pointLng()),
          vary: () => ({ path: storesPath(side, point(), pointLng()) }),
        },
      };
    },
  },
  {
    name: 'products',
    label: "a shop's first products page",
    goal: 10,
    async target(_side, { store }) {
      const route = `/api/v1/stores/${store.id}/products?limit=20`;
      return { path: route, paced: { path: route } };
    },
  },
  {
    name: 'orders',
    label: '`POST /orders`, 3 lines',
    goal: 3,
    async target(side, context) {
      const tokens = side === 'ours' ? await context.tokens() : [];
      const extraBody = side === 'ours' ? `,${JSON.stringify(ourOrderFields(context)).slice(1, -1)}` : '';
      const script = path.join(context.dir, `orders-${side}.lua`);
      await writeFile(
        script,
        orderScript({
          storeId: context.store.id,
          products: context.store.products,
          lines: ORDER_LINES,
          tokens,
          extraBody,
        }),
      );
      const random = seeded(4242);
      let counter = 0;
      const next = () => {
        counter += 1;
        const token = tokens[counter % Math.max(1, tokens.length)];
        return {
          body: orderBody(context, side, Math.floor(random() * context.store.products.length)),
          headers: token
            ? { authorization: `Bearer ${token}`, 'idempotency-key': `paced-${Date.now()}-${counter}` }
            : {},
        };
      };
      return {
        path: '/api/v1/orders',
        script,
        paced: { method: 'POST', path: '/api/v1/orders', ...next(), vary: next },
      };
    },
  },
];
