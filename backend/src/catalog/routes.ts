import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../platform/http/errors';
import { route } from '../platform/http/route';
import { findStore } from '../stores/seller-store';
import { type CatalogDeps, cachedProductPage } from './catalog-cache';
import { categoryTree } from './categories';

/** Public: the category tree and a shop's products. */
export const catalogRoutes: FastifyPluginAsync<CatalogDeps> = async (app, deps) => {
  route(app, routes.categories, async () => categoryTree(deps.db, deps.cache));

  route(app, routes.storeProducts, async ({ params, query }) => {
    const page = await cachedProductPage(deps, params.id, query);
    // Only an empty first page needs to ask whether the shop exists at all.
    if (page.items.length === 0 && !query.cursor && !(await findStore(deps.db, params.id))) throw notFound('Store');
    return page;
  });
};
