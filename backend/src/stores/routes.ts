import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../platform/http/errors';
import { jsonText, route } from '../platform/http/route';
import { cachedStoreDetails, nearbyAnswers, type StoreDeps } from './store-cache';
import { nearbyStoreView, storeDetailsView } from './store-view';

/** The first instant after `now` at which one of these times passes (Infinity: none ahead). */
function firstAfter(now: Date, times: (string | null)[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const time of times) {
    const at = time === null ? Number.NaN : Date.parse(time);
    if (at > now.getTime() && at < first) first = at;
  }
  return first;
}

/** Public: shops that deliver to a point, nearest first, and one shop's details. */
export const storeRoutes: FastifyPluginAsync<StoreDeps> = async (app, deps) => {
  // The same point answers everyone the same until a shop on it opens, closes or leaves busy mode:
  // made into JSON once, then sent as it is.
  const nearby = nearbyAnswers(deps, (page, now) => {
    const context = { now, onlinePayments: deps.onlinePayments };
    const items = page.items.map((store) => nearbyStoreView(store, context));
    const changes = items.flatMap((s) => [s.closes_at, s.opens_at, s.paused_until, s.extra_prep_until]);
    return {
      value: jsonText(routes.nearbyStores, { items, next_cursor: page.next_cursor }),
      until: firstAfter(now, changes),
    };
  });
  route(app, routes.nearbyStores, async ({ query }) => nearby(query, new Date()));

  route(app, routes.getStore, async ({ params }) => {
    const snapshot = await cachedStoreDetails(deps, params.id);
    if (!snapshot) throw notFound('Store');
    return storeDetailsView(snapshot, { now: new Date(), onlinePayments: deps.onlinePayments });
  });
};
