import { z } from 'zod';
import { weekdays } from '../domain/opening-hours';
import { id, MAX_INT4, rowVersion, text, timestamp } from './common';
import { latLng } from './geo';
import { paymentMethod } from './payments';

/** One uploaded image in WebP at several widths: `srcset` for the web, `variants` for native apps. */
export const imageSet = z.object({
  id: z.string(),
  src: z.string(),
  srcset: z.string(),
  variants: z.array(z.object({ width: z.number().int(), height: z.number().int(), url: z.string() })),
});
export type ImageSet = z.infer<typeof imageSet>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:30');
/** A closing time may also be 24:00, the end of the day: `{ open: '00:00', close: '24:00' }` is open all day. */
const closingHhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time such as 21:30, or 24:00');
export const openingInterval = z
  .object({ open: hhmm, close: closingHhmm })
  .refine((i) => i.open !== i.close, { message: 'open and close must differ', path: ['close'] });
export const openingHours = z.object(
  Object.fromEntries(weekdays.map((day) => [day, z.array(openingInterval).max(4)])) as Record<
    (typeof weekdays)[number],
    z.ZodArray<typeof openingInterval>
  >,
);

const pageLimit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(512).optional();

export const nearbyStoresQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  radius_km: z.coerce.number().min(0.1).max(25).default(5),
  category: z.string().trim().min(1).max(60).optional(),
  q: z.string().trim().min(1).max(80).optional(),
  limit: pageLimit,
  cursor,
});
export type NearbyStoresQuery = z.infer<typeof nearbyStoresQuery>;

const storeBase = {
  id,
  name: z.string(),
  description: z.string(),
  address: z.string(),
  location: latLng,
  is_open_now: z.boolean(),
  /** While open: when it closes. */
  closes_at: timestamp.nullable(),
  /** While closed: when it next opens (null if never within a week, or switched off by the seller). */
  opens_at: timestamp.nullable(),
  is_accepting_orders: z.boolean(),
  /** While the seller has paused new orders (busy mode): when the pause lifts by itself. */
  paused_until: timestamp.nullable(),
  /** Minutes the seller adds to preparation while busy (0 when not): the ETAs include them. */
  extra_prep_minutes: z.number().int(),
  /** While extra preparation time is on: when it ends by itself. */
  extra_prep_until: timestamp.nullable(),
  rating: z.object({ average: z.number(), count: z.number().int() }),
  categories: z.array(z.string()),
  min_order_paise: z.number().int(),
  logo: imageSet.nullable(),
  /** How a customer may pay this shop now: its own switches, online only where the platform has a gateway. */
  payment_methods: z.array(paymentMethod),
};

export const nearbyStore = z.object({
  ...storeBase,
  distance_m: z.number().int(),
  delivery_fee_paise: z.number().int(),
  eta_minutes: z.number().int(),
});
export type NearbyStore = z.infer<typeof nearbyStore>;
export const nearbyStoreList = z.object({ items: z.array(nearbyStore), next_cursor: z.string().nullable() });

export const storeDetails = z.object({
  ...storeBase,
  phone: z.string().nullable(),
  delivery_radius_km: z.number(),
  time_zone: z.string(),
  opening_hours: openingHours,
  cover: imageSet.nullable(),
  /** The seller's switches, as set (what customers are offered is `payment_methods`). */
  accepts_cash: z.boolean(),
  accepts_online: z.boolean(),
  version: z.number().int(),
  updated_at: timestamp,
});
export type StoreDetails = z.infer<typeof storeDetails>;

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const updateStoreRequest = z
  .strictObject({
    version: rowVersion,
    name: text(80).optional(),
    description: z.string().trim().max(1000).optional(),
    phone: z.string().trim().min(5).max(32).nullable().optional(),
    address: text(300).optional(),
    location: latLng.optional(),
    delivery_radius_km: z.number().min(0.5).max(25).optional(),
    time_zone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Asia/Kolkata').optional(),
    opening_hours: openingHours.optional(),
    is_accepting_orders: z.boolean().optional(),
    categories: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
    min_order_paise: z.number().int().min(0).max(10_000_000).optional(),
    /** At least one way of paying the platform offers must stay on (422 NO_PAYMENT_METHOD). */
    accepts_cash: z.boolean().optional(),
    accepts_online: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'give at least one field to change' });
export type UpdateStoreRequest = z.infer<typeof updateStoreRequest>;

/**
 * Busy mode, one at a time. Both modes end by themselves: a pause after `minutes` (or at the shop's
 * next opening), extra preparation time after `minutes` (an hour unless said) or when the shop's
 * current hours end, whichever is first. `minutes` may be a fraction (a test pauses for seconds).
 */
const busyMinutes = z
  .number()
  .min(0.05)
  .max(24 * 60);
export const busyModeRequest = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('extra_prep'),
    extra_minutes: z.number().int().min(5).max(60),
    minutes: busyMinutes.default(60),
  }),
  z.strictObject({ mode: z.literal('pause'), minutes: busyMinutes }),
  /** Pause until the shop's next opening after its current hours: "until tomorrow". */
  z.strictObject({ mode: z.literal('pause_until_opening') }),
  /** End whatever is on now. */
  z.strictObject({ mode: z.literal('off') }),
]);
export type BusyModeRequest = z.infer<typeof busyModeRequest>;

export const categoryNode = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  children: z.array(z.object({ id, slug: z.string(), name: z.string() })),
});
export const categoryTree = z.object({ items: z.array(categoryNode) });
export type CategoryTree = z.infer<typeof categoryTree>;

export const product = z.object({
  id,
  store_id: id,
  category_id: id.nullable(),
  name: z.string(),
  description: z.string(),
  price_paise: z.number().int(),
  mrp_paise: z.number().int(),
  unit: z.string(),
  stock: z.number().int(),
  /** In stock: customers may order it (false shows it as out of stock). */
  is_available: z.boolean(),
  /** Shown in the shop's catalog; a hidden product is seen only by its seller. */
  is_visible: z.boolean(),
  images: z.array(imageSet),
  version: z.number().int(),
  updated_at: timestamp,
});
export type Product = z.infer<typeof product>;

export const productListQuery = z.object({
  category: z.string().trim().min(1).max(60).optional(),
  q: z.string().trim().min(1).max(80).optional(),
  limit: pageLimit,
  cursor,
});
export type ProductListQuery = z.infer<typeof productListQuery>;
export const productPage = z.object({ items: z.array(product), next_cursor: z.string().nullable() });

/** The seller's own list: hidden products too, in larger pages (a shop of 2,000 products is four pages). */
export const sellerProductListQuery = productListQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SellerProductListQuery = z.infer<typeof sellerProductListQuery>;

const money = z.number().int().min(1).max(100_000_000);
const productFields = {
  name: text(120),
  description: z.string().trim().max(2000),
  price_paise: money,
  mrp_paise: money,
  unit: text(30),
  stock: z.number().int().min(0).max(1_000_000),
  is_available: z.boolean(),
  is_visible: z.boolean(),
  category_id: id.nullable(),
};

export const createProductRequest = z
  .strictObject({
    ...productFields,
    description: productFields.description.default(''),
    is_available: productFields.is_available.default(true),
    is_visible: productFields.is_visible.default(true),
    category_id: productFields.category_id.default(null),
    mrp_paise: money.optional(),
  })
  .refine((p) => p.mrp_paise === undefined || p.mrp_paise >= p.price_paise, {
    path: ['mrp_paise'],
    message: 'must be at least the price',
  });
export type CreateProductRequest = z.infer<typeof createProductRequest>;

export const updateProductRequest = z
  .strictObject({ version: rowVersion, ...productFields })
  .partial()
  .required({ version: true })
  .refine((body) => Object.keys(body).length > 1, { message: 'give at least one field to change' });
export type UpdateProductRequest = z.infer<typeof updateProductRequest>;

export const versionQuery = z.object({ version: z.coerce.number().int().positive().max(MAX_INT4).optional() });

export const bulkStockRequest = z.strictObject({
  items: z
    .array(z.strictObject({ id, stock: productFields.stock, version: rowVersion }))
    .min(1)
    .max(200)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: 'names a product twice' }),
});
export type BulkStockRequest = z.infer<typeof bulkStockRequest>;
export const productList = z.object({ items: z.array(product) });

/** Which picture of the store an upload is. */
export const storeImageQuery = z.object({ kind: z.enum(['logo', 'cover']) });
