import { z } from 'zod';
import { vehicleType } from './accounts';
import { id, timestamp } from './common';
import { latLng } from './geo';
import { orderSummary } from './orders';

export const riderStatusRequest = z.strictObject({ status: z.enum(['online', 'offline']) });
export const riderStatus = z.object({ status: z.enum(['online', 'offline']) });

/** One GPS fix from the rider's phone, with the phone's time. */
export const positionPoint = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy_m: z.number().min(0).max(10_000).optional(),
  heading: z.number().min(0).max(360).optional(),
  speed_mps: z.number().min(0).max(100).optional(),
  recorded_at: timestamp,
});
export type PositionPoint = z.infer<typeof positionPoint>;

/** A batch of fixes: what the app buffered while offline, sent when it reconnects (any order). */
export const locationBatchRequest = z.strictObject({ points: z.array(positionPoint).min(1).max(500) });

export const pointRejection = z.enum(['in_the_future', 'impossible_jump', 'duplicate']);

export const locationBatchResult = z.object({
  /** Points stored (in the trail; the newest of them also as the rider's position). */
  accepted: z.number().int(),
  /** Points not taken as truth, by their index in the request. */
  rejected: z.array(z.object({ index: z.number().int(), reason: pointRejection })),
  /** The rider's position now, as the server holds it. */
  position: z.object({ lat: z.number(), lng: z.number(), recorded_at: timestamp }).nullable(),
});
export type LocationBatchResult = z.infer<typeof locationBatchResult>;

/** A rider's newest position, as followers of an order see it. */
export const riderPosition = z.object({
  rider_id: id,
  lat: z.number(),
  lng: z.number(),
  accuracy_m: z.number().nullable(),
  heading: z.number().nullable(),
  speed_mps: z.number().nullable(),
  recorded_at: timestamp,
});
export type RiderPosition = z.infer<typeof riderPosition>;

/** A rider's position on an order's channel, with how far and how long to where they go next. */
export const trackingPosition = riderPosition.extend({
  order_id: id,
  /** The shop while the rider goes to pick up; the customer once the order is picked up. */
  toward: z.enum(['store', 'customer']),
  distance_m: z.number().int(),
  eta_seconds: z.number().int(),
});
export type TrackingPosition = z.infer<typeof trackingPosition>;

/** A ready order offered to a rider: take it before `expires_at` or it goes to the next nearest. */
export const deliveryOffer = z.object({
  id,
  order_id: id,
  store: z.object({ name: z.string(), address: z.string(), location: latLng }),
  delivery_location: latLng,
  /** From the rider to the shop when offered. */
  distance_m: z.number().int(),
  /** From the shop to the customer. */
  trip_m: z.number().int(),
  /** What the rider earns for the delivery. */
  earning_paise: z.number().int(),
  /** What the rider collects at the door (cash on delivery), 0 when paid already. */
  cash_paise: z.number().int(),
  item_count: z.number().int(),
  expires_at: timestamp,
});
export type DeliveryOffer = z.infer<typeof deliveryOffer>;

export const riderAssignments = z.object({
  offers: z.array(deliveryOffer),
  deliveries: z.array(orderSummary),
});

export const riderEarnings = z.object({
  today_paise: z.number().int(),
  week_paise: z.number().int(),
  /** Cash taken at the door today. */
  cash_today_paise: z.number().int(),
  /** Cash taken at the door and not yet handed over to the platform (settlements come with payments). */
  cash_held_paise: z.number().int(),
  /** The last seven days' deliveries, newest first. */
  deliveries: z.array(
    z.object({
      order_id: id,
      store_name: z.string(),
      delivered_at: timestamp,
      distance_m: z.number().int(),
      earning_paise: z.number().int(),
      /** Cash taken at the door for it. */
      cash_paise: z.number().int(),
    }),
  ),
});
export type RiderEarnings = z.infer<typeof riderEarnings>;

/** How near the shop an order's rider is, from their newest fix (`approachToShop`). */
export const riderApproach = z.object({
  distance_m: z.number().int(),
  eta_seconds: z.number().int(),
  /** Within ARRIVED_AT_SHOP_M of the shop. */
  arrived: z.boolean(),
  recorded_at: timestamp,
});
export type RiderApproach = z.infer<typeof riderApproach>;

/** The rider of one of a shop's orders, as its seller sees it; null while nobody has taken it. */
export const sellerOrderRider = z.object({
  rider: z
    .object({
      id,
      name: z.string(),
      /** Only while the order is under way. */
      phone: z.string().nullable(),
      vehicle_type: vehicleType.nullable(),
      /** Null before the rider's first fix and once they have the goods. */
      approach: riderApproach.nullable(),
    })
    .nullable(),
});
export type SellerOrderRider = z.infer<typeof sellerOrderRider>;
