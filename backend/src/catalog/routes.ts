import {
  categoryTree as categoryTreeSchema,
  errorBody,
  idParams,
  productListQuery,
  productPage,
} from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../platform/http/errors';
import { findStore } from '../stores/seller-store';
import { type CatalogDeps, cachedProductPage } from './catalog-cache';
import { categoryTree } from './categories';

/** Public: the category tree and a shop's products. */
export const catalogRoutes: FastifyPluginAsyncZod<CatalogDeps> = async (app, deps) => {
  const tags = ['catalog'];

  app.get(
    '/categories',
    { schema: { tags, summary: 'The category tree (two levels)', response: { 200: categoryTreeSchema } } },
    async () => categoryTree(deps.db, deps.cache),
  );

  app.get(
    '/stores/:id/products',
    {
      schema: {
        tags,
        summary: 'A shop’s products, by name or by closeness to q, a page at a time',
        params: idParams,
        querystring: productListQuery,
        response: { 200: productPage, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const page = await cachedProductPage(deps, request.params.id, request.query);
      // Only an empty first page needs to ask whether the shop exists at all.
      if (page.items.length === 0 && !request.query.cursor && !(await findStore(deps.db, request.params.id))) {
        throw notFound('Store');
      }
      return page;
    },
  );
};
