import { z } from 'zod';
import { storeDetails } from './catalog';
import { type ChannelKind, type ChannelName, channelParts } from './channels';
import { id, timestamp } from './common';
import { deliveryOffer, locationBatchResult, positionPoint, trackingPosition } from './delivery';
import { orderEvent } from './orders';

export { type ChannelKind, type ChannelName, channelKinds, channels } from './channels';

/**
 * The kind and id of a channel name; undefined for anything else. The id is the contract's, in
 * lower case as the server writes it: a channel is one exact name on the bus.
 */
export function parseChannel(name: string): { kind: ChannelKind; id: string } | undefined {
  const { kind, id: of } = channelParts(name);
  if (!kind || of !== of.toLowerCase() || !id.safeParse(of).success) return undefined;
  return { kind, id: of };
}

export const channelName = z.custom<ChannelName>(
  (value) => typeof value === 'string' && parseChannel(value) !== undefined,
  'must be order.{id}, store.{id} or rider.{id}',
);

/**
 * What crosses the bus on a channel, from the process that recorded it to every process whose
 * sockets follow the channel.
 */
export const channelMessage = z.discriminatedUnion('type', [
  /** An order's event: on its order's channel, its store's, and its rider's once it has one. */
  z.object({ type: z.literal('event'), event: orderEvent }),
  /** Where an order's rider is now: on the order's channel. */
  z.object({ type: z.literal('position'), position: trackingPosition }),
  /** Work offered to a rider: on the rider's channel. */
  z.object({ type: z.literal('offer'), offer: deliveryOffer }),
  /** The store as it is after its seller changed it (hours, switch, busy mode): on the store's channel. */
  z.object({ type: z.literal('store'), store: storeDetails }),
  /**
   * Someone at the shop opened a new order: on the store's channel, so its other devices stop
   * ringing. Not replayed: a device that joins late reads `seen` in the order list.
   */
  z.object({ type: z.literal('seen'), order_id: id, seen_at: timestamp }),
]);
export type ChannelMessage = z.infer<typeof channelMessage>;

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
  /** The store after its seller changed it, on its own channel: every device of the shop follows. */
  z.object({ type: z.literal('store'), channel: channelName, store: storeDetails }),
  /** A new order of the store was opened on one of its devices (store channel). */
  z.object({ type: z.literal('seen'), channel: channelName, order_id: id, seen_at: timestamp }),
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
