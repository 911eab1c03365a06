import { z } from 'zod';
import { id, text, timestamp } from './common';
import { landmark, latLng } from './geo';

export const address = z.object({
  id,
  label: z.string(),
  text: z.string(),
  location: latLng,
  landmark: z.string().nullable(),
  is_default: z.boolean(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Address = z.infer<typeof address>;

export const addressList = z.object({ items: z.array(address), next_cursor: z.null() });

export const createAddressRequest = z.strictObject({
  label: text(40),
  text: text(300),
  location: latLng,
  /** Empty clears it. */
  landmark: landmark.optional(),
  is_default: z.boolean().optional(),
});
export type CreateAddressRequest = z.infer<typeof createAddressRequest>;

export const updateAddressRequest = createAddressRequest
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' })
  .refine((body) => body.is_default !== false, {
    path: ['is_default'],
    message: 'make another address the default instead',
  });
export type UpdateAddressRequest = z.infer<typeof updateAddressRequest>;
