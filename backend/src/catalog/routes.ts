import { routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../platform/http/errors';
import { jsonText, route } from '../platform/http/route';
import { findStore } from '../stores/seller-store';
import { type CatalogDeps, productPageAnswers } from './catalog-cache';
import { categoryTree } from './categories';

/** Public: the category tree and a shop's products. */
export const catalogRoutes: FastifyPluginAsync<CatalogDeps> = async (app, deps) => {
  route(app, routes.categories, async () => categoryTree(deps.db, deps.cache));

  // A page reads the same for everyone until the shop or its products change: made into JSON once.
  const pages = productPageAnswers(deps, (page) => ({
    empty: page.items.length === 0,
    text: jsonText(routes.storeProducts, page),
  }));
  route(app, routes.storeProducts, async ({ params, query }) => {
    const page = await pages(params.id, query, new Date());
    // Only an empty first page needs to ask whether the shop exists at all.
    if (page.empty && !query.cursor && !(await findStore(deps.db, params.id))) throw notFound('Store');
    return page.text;
  });
};
