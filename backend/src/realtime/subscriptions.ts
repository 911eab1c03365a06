import {
  type ChannelMessage,
  type ChannelName,
  type ClientFrame,
  type OrderEvent,
  parseChannel,
  type ServerFrame,
  type TrackingPosition,
} from '@kupwara/shared';
import type { AuthUser } from '../accounts/tokens';
import { latestPosition } from '../delivery/tracking';
import { eventsAfter } from '../orders/order-queries';
import type { Db } from '../platform/db';
import { arrivalOf, isNewerPosition } from './arrivals';
import { mayFollow } from './channels';
import type { FrameSender } from './frame-sender';
import type { Hub, Listener } from './hub';

/** One socket's channels, each delivered with no gap and no duplicate. */
export interface Subscriptions {
  subscribe(frame: Extract<ClientFrame, { type: 'subscribe' }>, caller: AuthUser): Promise<void>;
  unsubscribe(channel: ChannelName): Promise<void>;
  /**
   * After messages may have been lost on the bus: an order's channel fills the gap from the
   * database; any other channel has no history to replay, so the socket ends and its client
   * resumes (reading what it follows afresh), as the contract has it for any broken delivery.
   */
  resume(): void;
  /** Leaves every channel (the socket closed, or its user is gone). */
  dropAll(): Promise<void>;
}

export interface SubscriptionsOptions {
  db: Db;
  hub: Hub;
  sender: FrameSender;
  maxSubscriptions: number;
  metrics: {
    /** Seconds from an event being recorded to its frame leaving for this socket. */
    fanOut(seconds: number): void;
    subscriptions(change: 1 | -1): void;
  };
  /** Delivering failed (the database did not answer): the socket ends, and its client resumes. */
  fail(): void;
}

interface Subscription {
  channel: ChannelName;
  /** The channel's order, on an order's channel: the one whose events replay. */
  orderId: string | undefined;
  listener: Listener;
  /** The newest sequence number sent, per order (one order on an order channel, many on a store's or rider's). */
  sent: Map<string, number>;
  /** Deliveries happen one after another, so a replay and live events never interleave. */
  queue: Promise<void>;
  /** When the newest position sent was recorded. */
  positionAt?: string;
}

type Context = SubscriptionsOptions & { live: Map<ChannelName, Subscription> };

export function createSubscriptions(options: SubscriptionsOptions): Subscriptions {
  const context: Context = { ...options, live: new Map() };
  return {
    subscribe: (frame, caller) => subscribe(context, frame, caller),
    unsubscribe: (channel) => unsubscribe(context, channel),
    resume: () => resume(context),
    dropAll: () => dropAll(context),
  };
}

async function subscribe(
  context: Context,
  { channel, since }: { channel: ChannelName; since?: number },
  caller: AuthUser,
) {
  const { db, hub, sender, live, maxSubscriptions } = context;
  if (live.has(channel)) return sender.send({ type: 'subscribed', channel });
  if (live.size >= maxSubscriptions) {
    return sender.refuse('TOO_MANY_SUBSCRIPTIONS', `follow at most ${maxSubscriptions} channels`, { channel });
  }
  if (!(await mayFollow(db, caller, channel))) return sender.refuse('FORBIDDEN', 'not your channel', { channel });
  // The socket may have closed (and dropped its subscriptions) while the database answered.
  if (!sender.isOpen() || live.has(channel)) return;
  const target = parseChannel(channel);
  const subscription: Subscription = {
    channel,
    orderId: target?.kind === 'order' ? target.id : undefined,
    listener: (message) => enqueue(context, subscription, () => hear(context, subscription, message)),
    sent: new Map(),
    queue: Promise.resolve(),
  };
  live.set(channel, subscription);
  context.metrics.subscriptions(1);
  // Listening starts now; the replay is first in the queue and reads the database only once the
  // bus subscription is live. An event committed before that read is in it, one committed after
  // comes through the bus, one in both is dropped by its sequence number: no gap, no duplicate.
  const joined = hub.join(channel, subscription.listener);
  enqueue(context, subscription, async () => {
    await joined;
    sender.send({ type: 'subscribed', channel });
    if (subscription.orderId !== undefined) await replay(context, subscription, subscription.orderId, since);
  });
}

function enqueue(context: Context, subscription: Subscription, work: () => Promise<void> | void) {
  subscription.queue = subscription.queue.then(work).catch(() => context.fail());
}

/** An order's events after `since` (none without it: the subscription starts from now), then where its rider is. */
async function replay(context: Context, subscription: Subscription, orderId: string, since: number | undefined) {
  const { events, lastSeq } = await eventsAfter(context.db, orderId, since);
  subscription.sent.set(orderId, since ?? lastSeq);
  for (const event of events) deliver(context, subscription, event);
  // Positions are not history: only where the rider is now.
  const position = await latestPosition(context.db, orderId);
  if (position) deliverPosition(context, subscription, position);
}

function hear(context: Context, subscription: Subscription, message: ChannelMessage) {
  if (message.type === 'offer') {
    return context.sender.send({ type: 'offer', channel: subscription.channel, offer: message.offer });
  }
  if (message.type === 'position') return deliverPosition(context, subscription, message.position);
  if (message.type === 'store') {
    return context.sender.send({ type: 'store', channel: subscription.channel, store: message.store });
  }
  if (message.type === 'seen') {
    return context.sender.send({
      type: 'seen',
      channel: subscription.channel,
      order_id: message.order_id,
      seen_at: message.seen_at,
    });
  }
  const { event } = message;
  const arrival = arrivalOf(subscription.sent.get(event.order_id), event.seq, subscription.orderId !== undefined);
  if (arrival === 'after-gap' && subscription.orderId !== undefined) {
    return catchUp(context, subscription, subscription.orderId);
  }
  deliver(context, subscription, event);
}

/** Events of an order from the database, after what this subscription last sent. */
async function catchUp(context: Context, subscription: Subscription, orderId: string) {
  const { events } = await eventsAfter(context.db, orderId, subscription.sent.get(orderId) ?? 0);
  for (const event of events) {
    if (context.live.get(subscription.channel) === subscription) deliver(context, subscription, event);
  }
}

function deliver(context: Context, subscription: Subscription, event: OrderEvent) {
  if (arrivalOf(subscription.sent.get(event.order_id), event.seq, false) === 'copy') return;
  subscription.sent.set(event.order_id, event.seq);
  context.metrics.fanOut((Date.now() - Date.parse(event.recorded_at)) / 1000);
  context.sender.send(eventFrame(subscription.channel, event));
}

function deliverPosition(context: Context, subscription: Subscription, position: TrackingPosition) {
  if (!isNewerPosition(subscription.positionAt, position.recorded_at)) return;
  subscription.positionAt = position.recorded_at;
  context.sender.send({ type: 'position', channel: subscription.channel, position });
}

// The hub hands one event object to every socket on a channel: it is serialized once for all of them.
const serialized = new WeakMap<OrderEvent, string>();
function eventFrame(channel: ChannelName, event: OrderEvent): string {
  let text = serialized.get(event);
  if (!text) {
    text = JSON.stringify({ type: 'event', channel, seq: event.seq, event } satisfies ServerFrame);
    serialized.set(event, text);
  }
  return text;
}

function resume(context: Context) {
  const all = [...context.live.values()];
  if (all.some((subscription) => subscription.orderId === undefined)) return context.fail();
  for (const subscription of all) {
    const { orderId } = subscription;
    if (orderId !== undefined) enqueue(context, subscription, () => catchUp(context, subscription, orderId));
  }
}

async function unsubscribe(context: Context, channel: ChannelName) {
  const subscription = context.live.get(channel);
  if (subscription) {
    context.live.delete(channel);
    context.metrics.subscriptions(-1);
    await context.hub.leave(channel, subscription.listener);
  }
  context.sender.send({ type: 'unsubscribed', channel });
}

async function dropAll(context: Context) {
  const all = [...context.live.entries()];
  context.live.clear();
  for (const [channel, subscription] of all) {
    context.metrics.subscriptions(-1);
    await context.hub.leave(channel, subscription.listener);
  }
}
