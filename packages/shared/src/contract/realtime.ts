import { z } from 'zod';
import { deliveryOffer, trackingPosition } from './delivery';
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
]);
export type ClientFrame = z.infer<typeof clientFrame>;

/** Codes of `{type:"error"}` frames. */
export const realtimeErrorCodes = [
  'BAD_FRAME',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'TOO_MANY_SUBSCRIPTIONS',
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
  }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerFrame = z.infer<typeof serverFrame>;
