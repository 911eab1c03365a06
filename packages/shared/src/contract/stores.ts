import { z } from 'zod';
import { id, text, timestamp } from './common';
import { latLng } from './geo';

export const sellerStore = z.object({
  id,
  name: z.string(),
  address: z.string(),
  location: latLng,
  delivery_radius_km: z.number(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type SellerStore = z.infer<typeof sellerStore>;

export const createStoreRequest = z.strictObject({
  name: text(80),
  address: text(300),
  location: latLng,
  delivery_radius_km: z.number().min(0.5).max(25),
});
export type CreateStoreRequest = z.infer<typeof createStoreRequest>;
