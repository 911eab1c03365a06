import type { Scenario } from '../scenario';
import { login, me } from './accounts';
import { productsPage, productsSearchUncached, storesNear, storesNearUncached } from './catalog';
import { healthz, readyz } from './health';
import { placeOrders } from './orders';

/** Every scenario `npm run bench` knows; later modules add theirs here. */
export const scenarios: Scenario[] = [
  healthz,
  readyz,
  login,
  me,
  storesNear,
  storesNearUncached,
  productsPage,
  productsSearchUncached,
  placeOrders,
];
