import multipart from '@fastify/multipart';
import { maxUploadBytes, routes, uploadField } from '@kupwara/shared';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { route } from '../../platform/http/route';
import { makeVariants } from '../../platform/media/process-image';
import type { MediaStorage } from '../../platform/media/storage';
import type { StoredImage } from '../../platform/media/stored-image';
import { setStoreImage, storeIdOfSeller } from '../../stores/seller-store';
import { type StoreDeps, storeChanged } from '../../stores/store-cache';
import { storeDetailsSnapshot, storeDetailsView } from '../../stores/store-view';
import { type CatalogDeps, catalogChanged } from '../catalog-cache';
import { addProductImage, sellerProduct } from '../inventory';
import { productView } from '../product-view';

const missingFile = () =>
  new AppError(400, 'VALIDATION_FAILED', `Send the photo as multipart/form-data in a field named ${uploadField}`, {
    fields: [{ field: uploadField, message: 'is required' }],
  });

/**
 * The photo's bytes. Whatever goes wrong while reading the body is the client's (a cut or malformed
 * multipart body reaches us as a parser's plain Error): a 4xx, never a 500.
 */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  try {
    const file = await request.file();
    if (file?.fieldname !== uploadField) throw missingFile();
    return await file.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof request.server.multipartErrors.RequestFileTooLargeError) {
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Photos can be up to ${maxUploadBytes / 1024 / 1024} MB`);
    }
    throw new AppError(400, 'BAD_REQUEST', 'The upload is not a well-formed multipart/form-data body');
  }
}

/**
 * Reads the multipart field `uploadField` and stores its WebP variants under `folder`. Files first, then
 * the caller's row: a failure in between leaves unreferenced files, never a record pointing at
 * images that are not there.
 */
async function saveUpload(request: FastifyRequest, storage: MediaStorage, folder: string): Promise<StoredImage> {
  if (!request.isMultipart())
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data');
  const upload = await readUpload(request);
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

/** Photos: one multipart upload becomes WebP at several widths; the product or store lists them. */
export const productImageRoutes: FastifyPluginAsync<CatalogDeps & Pick<StoreDeps, 'onlinePayments'>> = async (
  app,
  { db, cache, storage, onlinePayments },
) => {
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 0, parts: 2 } });

  route(app, routes.uploadProductImage, async (request) => {
    const { user, params } = request;
    // Checked before reading the upload: a photo for someone else's product is not even looked at.
    await sellerProduct(db, user.id, params.id);
    const image = await saveUpload(request, storage, 'products');
    const row = await addProductImage(db, user.id, params.id, image);
    await catalogChanged(cache, row.storeId);
    return productView(row, storage);
  });

  route(app, routes.uploadStoreImage, async (request) => {
    const { user, query } = request;
    // Checked before reading the upload, as above: a seller with no store yet is told to open one.
    await storeIdOfSeller(db, user.id);
    const image = await saveUpload(request, storage, 'stores');
    const row = await setStoreImage(db, user.id, query.kind, image);
    await storeChanged(cache, row.id);
    return storeDetailsView(storeDetailsSnapshot(row, storage), { now: new Date(), onlinePayments });
  });
};
