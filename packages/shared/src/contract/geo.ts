import { z } from 'zod';

/** A point on Earth in WGS 84 degrees. */
export const latLng = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type LatLng = z.infer<typeof latLng>;

/** What a rider looks for at the door ("behind the Jamia Masjid, green gate"); empty means none. */
export const landmark = z.string().trim().max(120);
