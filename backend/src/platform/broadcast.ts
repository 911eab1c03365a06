import { type ChannelMessage, type ChannelName, channelMessage } from '@kupwara/shared';
import type { Bus } from './bus';

/** Sends a message to the sockets following `channel`, in every API process. */
export const broadcast = (bus: Bus, channel: ChannelName, message: ChannelMessage) => bus.publish(channel, message);

/**
 * Hears what is broadcast on `channel`. The bus hands over JSON from anywhere on Redis: what is
 * not a message of the contract is dropped here, as if lost on the way (an order's channel fills
 * the gap from the database when the next event comes). Resolves once listening; the result stops it.
 */
export const hearBroadcasts = (bus: Bus, channel: ChannelName, handler: (message: ChannelMessage) => void) =>
  bus.subscribe(channel, (raw) => {
    const parsed = channelMessage.safeParse(raw);
    if (parsed.success) handler(parsed.data);
  });
