import type { Product } from '@kupwara/shared';
import { toImageSet } from '../platform/media/image-set';
import type { MediaStorage } from '../platform/media/storage';
import type { products } from './tables';

export type ProductRow = typeof products.$inferSelect;

export const productView = (row: ProductRow, storage: MediaStorage): Product => ({
  id: row.id,
  store_id: row.storeId,
  category_id: row.categoryId,
  name: row.name,
  description: row.description,
  price_paise: row.pricePaise,
  mrp_paise: row.mrpPaise,
  unit: row.unit,
  stock: row.stock,
  is_available: row.isAvailable,
  is_visible: row.isVisible,
  images: row.images.map((image) => toImageSet(image, storage)),
  version: row.version,
  updated_at: row.updatedAt.toISOString(),
});
