import type { Scenario } from '../scenario';
import { centre } from '../town';

const jitter = () => (Math.random() - 0.5) * 0.04; // about ±2 km

async function storeNearCentre(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/stores?lat=${centre.lat}&lng=${centre.lng}&limit=1`);
  const { items } = (await res.json()) as { items: { id: string }[] };
  if (!items[0]) throw new Error('no store near the centre: was the district dataset made?');
  return items[0].id;
}

export const storesNear: Scenario = {
  name: 'stores-near',
  description: 'GET /stores near the town centre, 20 nearest (the same point each time: served from the cache)',
  dataset: 'district',
  async request() {
    return { path: `/api/v1/stores?lat=${centre.lat}&lng=${centre.lng}` };
  },
};

export const storesNearUncached: Scenario = {
  name: 'stores-near-uncached',
  description: 'GET /stores at a random point within 2 km of the centre: every request a PostGIS radius + KNN query',
  dataset: 'district',
  async request() {
    return {
      path: `/api/v1/stores?lat=${centre.lat}&lng=${centre.lng}`,
      vary: () => ({
        path: `/api/v1/stores?lat=${(centre.lat + jitter()).toFixed(6)}&lng=${(centre.lng + jitter()).toFixed(6)}`,
      }),
    };
  },
};

export const productsPage: Scenario = {
  name: 'products-page',
  description: 'GET /stores/:id/products first page of a shop near the centre (cached)',
  dataset: 'district',
  async request(baseUrl) {
    return { path: `/api/v1/stores/${await storeNearCentre(baseUrl)}/products` };
  },
};

const typos = ['basmti', 'walnt', 'paner', 'mutn', 'kahw', 'tomatos', 'almnd', 'biscit', 'shampo', 'girda'];

export const productsSearchUncached: Scenario = {
  name: 'products-search-uncached',
  description: 'GET /stores/:id/products?q=<typo>&cursor… in random shops: trigram search, past the cache',
  dataset: 'district',
  async request(baseUrl) {
    const res = await fetch(`${baseUrl}/api/v1/stores?lat=${centre.lat}&lng=${centre.lng}&limit=100`);
    const ids = ((await res.json()) as { items: { id: string }[] }).items.map((s) => s.id);
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    return {
      path: `/api/v1/stores/${ids[0]}/products?q=basmti`,
      vary: () => ({
        path: `/api/v1/stores/${pick(ids)}/products?q=${pick(typos)}&limit=${10 + Math.floor(Math.random() * 10)}`,
      }),
    };
  },
};
