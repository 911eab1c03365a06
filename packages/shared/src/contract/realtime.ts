import { z } from 'zod';
import { deliveryOffer, locationBatchResult, positionPoint, trackingPosition } from './delivery';
import { orderEvent } from './orders';

/** Channels: an order's events, a store's orders, a rider's work. */
export const channelName = z
  .string()
  .regex(
    /^(order|store|rider)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'must be order.{id}, store.{id} or rider.{id}',
  );

/** What a client sends on /ws, one JSON object per text frame. */
export const clientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  z.strictObject({
    type: z.literal('subscribe'),
    channel: channelName,
    /** The last sequence number the client has of this order: the events after it are replayed first. */
    since: z.number().int().min(0).optional(),
  }),
  z.strictObject({ type: z.literal('unsubscribe'), channel: channelName }),
  z.strictObject({ type: z.literal('ping') }),
  /**
   * A rider's fixes, as `POST /rider/locations` takes them but cheaper: answered by `locations_saved`
   * with the same `ref`, so the app can drop what it buffered. Longer backlogs go over HTTP.
   */
  z.strictObject({
    type: z.literal('locations'),
    ref: z.string().min(1).max(64),
    points: z.array(positionPoint).min(1).max(100),
  }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

/** Codes of `{type:"error"}` frames. */
export const realtimeErrorCodes = [
  'BAD_FRAME',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'TOO_MANY_SUBSCRIPTIONS',
  /** The server could not store a `locations` frame (its `ref` is given): send it again. */
  'LOCATIONS_NOT_SAVED',
] as const;

/** What the server sends. */
export const serverFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('authenticated'), user_id: z.string(), expires_at: z.string() }),
  z.object({ type: z.literal('subscribed'), channel: channelName }),
  z.object({ type: z.literal('unsubscribed'), channel: channelName }),
  z.object({ type: z.literal('event'), channel: channelName, seq: z.number().int(), event: orderEvent }),
  /** The rider's newest position on an order's channel: latest only, never replayed as history. */
  z.object({ type: z.literal('position'), channel: channelName, position: trackingPosition }),
  /** Work offered to the rider, on their own channel. */
  z.object({ type: z.literal('offer'), channel: channelName, offer: deliveryOffer }),
  z.object({
    type: z.literal('error'),
    code: z.enum(realtimeErrorCodes),
    message: z.string(),
    channel: channelName.optional(),
    ref: z.string().optional(),
  }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('locations_saved'), ref: z.string() }).extend(locationBatchResult.shape),
]);
export type ServerFrame = z.infer<typeof serverFrame>;
