import multipart from '@fastify/multipart';
import { errorBody, idParams, product, storeDetails, storeImageQuery } from '@kupwara/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../../accounts/auth';
import { AppError } from '../../platform/http/errors';
import { makeVariants } from '../../platform/media/process-image';
import type { MediaStorage } from '../../platform/media/storage';
import type { StoredImage } from '../../platform/media/stored-image';
import { setStoreImage, storeIdOfSeller } from '../../stores/seller-store';
import { storeChanged } from '../../stores/store-cache';
import { storeDetailsSnapshot, storeDetailsView } from '../../stores/store-view';
import { type CatalogDeps, catalogChanged } from '../catalog-cache';
import { addProductImage, findProduct } from '../inventory';
import { productView } from '../product-view';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const missingFile = () =>
  new AppError(400, 'VALIDATION_FAILED', 'Send the photo as multipart/form-data in a field named image', {
    fields: [{ field: 'image', message: 'is required' }],
  });

/**
 * Reads the multipart field "image" and stores its WebP variants under `folder`. Files first, then
 * the caller's row: a failure in between leaves unreferenced files, never a record pointing at
 * images that are not there.
 */
async function saveUpload(request: FastifyRequest, storage: MediaStorage, folder: string): Promise<StoredImage> {
  if (!request.isMultipart())
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data');
  const file = await request.file();
  if (file?.fieldname !== 'image') throw missingFile();
  let upload: Buffer;
  try {
    upload = await file.toBuffer();
  } catch (error) {
    if (error instanceof request.server.multipartErrors.RequestFileTooLargeError) {
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Photos can be up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
    }
    throw error;
  }
  const { id, variants } = await makeVariants(upload);
  const stored = await Promise.all(
    variants.map(async (variant) => {
      const key = `${folder}/${id}-${variant.width}.webp`;
      await storage.put(key, variant.data, 'image/webp');
      return { width: variant.width, height: variant.height, key };
    }),
  );
  return { id, variants: stored };
}

const uploadErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
  415: errorBody,
};

/** Photos: one multipart upload becomes WebP at several widths; the product or store lists them. */
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
        response: { 201: product, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const storeId = await storeIdOfSeller(db, currentUser(request).id);
      // Checked before reading the upload: a photo for someone else's product is not even looked at.
      if (!(await findProduct(db, storeId, request.params.id)))
        throw new AppError(404, 'NOT_FOUND', 'Product not found');
      const image = await saveUpload(request, storage, 'products');
      const row = await addProductImage(db, storeId, request.params.id, image);
      await catalogChanged(cache, storeId);
      return reply.status(201).send(productView(row, storage));
    },
  );

  app.post(
    '/seller/store/images',
    {
      schema: {
        tags: ['seller'],
        summary: 'Set your store’s logo or cover photo (multipart field "image")',
        consumes: ['multipart/form-data'],
        querystring: storeImageQuery,
        response: { 201: storeDetails, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const storeId = await storeIdOfSeller(db, currentUser(request).id);
      const image = await saveUpload(request, storage, 'stores');
      const row = await setStoreImage(db, storeId, request.query.kind, image);
      await storeChanged(cache, storeId);
      return reply.status(201).send(storeDetailsView(storeDetailsSnapshot(row, storage), new Date()));
    },
  );
};
