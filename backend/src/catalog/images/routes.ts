import multipart from '@fastify/multipart';
import { errorBody, idParams, product } from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../../accounts/auth';
import { AppError } from '../../platform/http/errors';
import { sellerStoreId } from '../../stores/seller-store';
import { type CatalogDeps, catalogChanged } from '../catalog-cache';
import { addProductImage, findProduct } from '../inventory';
import { productView } from '../product-view';
import { makeVariants } from './process-image';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const missingFile = () =>
  new AppError(400, 'VALIDATION_FAILED', 'Send the photo as multipart/form-data in a field named image', {
    fields: [{ field: 'image', message: 'is required' }],
  });

/** Product photos: one multipart upload becomes WebP at several widths; the product lists them. */
export const productImageRoutes: FastifyPluginAsyncZod<CatalogDeps> = async (app, { db, cache, storage }) => {
  app.addHook('onRequest', app.requireRole('seller'));
  await app.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 0, parts: 2 } });

  app.post(
    '/seller/products/:id/images',
    {
      schema: {
        tags: ['seller'],
        summary: `Add a photo (JPEG, PNG or WebP, up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB) as multipart field "image"`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: {
          201: product,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          409: errorBody,
          413: errorBody,
          415: errorBody,
        },
      },
    },
    async (request, reply) => {
      const storeId = await sellerStoreId(db, currentUser(request).id);
      // Checked before reading the upload: a photo for someone else's product is not even looked at.
      if (!(await findProduct(db, storeId, request.params.id)))
        throw new AppError(404, 'NOT_FOUND', 'Product not found');
      if (!request.isMultipart())
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data');
      const file = await request.file();
      if (file?.fieldname !== 'image') throw missingFile();
      let upload: Buffer;
      try {
        upload = await file.toBuffer();
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
          throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Photos can be up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
        }
        throw error;
      }
      const { id, variants } = await makeVariants(upload);
      // Files first, then the row: a failure in between leaves unreferenced files, never a product
      // pointing at images that are not there.
      const stored = await Promise.all(
        variants.map(async (variant) => {
          const key = `products/${id}-${variant.width}.webp`;
          await storage.put(key, variant.data, 'image/webp');
          return { width: variant.width, height: variant.height, key };
        }),
      );
      const row = await addProductImage(db, storeId, request.params.id, { id, variants: stored });
      await catalogChanged(cache, storeId);
      return reply.status(201).send(productView(row, storage));
    },
  );
};
