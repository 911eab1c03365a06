import { z } from 'zod';
import { text } from './common';
import { latLng } from './geo';

export const createStoreRequest = z.strictObject({
  name: text(80),
  address: text(300),
  location: latLng,
  delivery_radius_km: z.number().min(0.5).max(25),
});
export type CreateStoreRequest = z.infer<typeof createStoreRequest>;
