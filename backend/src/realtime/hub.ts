import type { ChannelMessage, ChannelName } from '@kupwara/shared';
import { hearBroadcasts } from '../platform/broadcast';
import type { Bus } from '../platform/bus';

export type Listener = (message: ChannelMessage) => void;

/**
 * This process's side of fan-out: one bus subscription per channel that any local socket follows,
 * however many sockets follow it. Messages reach every process through the bus (Redis when set).
 */
export interface Hub {
  /** Resolves once messages of the channel flow to `listener`. */
  join(channel: ChannelName, listener: Listener): Promise<void>;
  leave(channel: ChannelName, listener: Listener): Promise<void>;
  /**
   * Calls `handler` when the bus is back after an outage: messages published meanwhile never
   * came, so each follower catches up from the database. The result stops it.
   */
  onResumed(handler: () => void): () => void;
  /** How many channels this process follows. */
  size(): number;
}

export function createHub(bus: Bus): Hub {
  const channels = new Map<ChannelName, { listeners: Set<Listener>; subscribed: Promise<() => Promise<void>> }>();
  return {
    async join(channel, listener) {
      let entry = channels.get(channel);
      if (!entry) {
        const listeners = new Set<Listener>();
        // Checked once here, then the one message object goes to every socket on the channel.
        const subscribed = hearBroadcasts(bus, channel, (message) => {
          for (const each of listeners) each(message);
        });
        entry = { listeners, subscribed };
        channels.set(channel, entry);
      }
      entry.listeners.add(listener);
      await entry.subscribed;
    },
    async leave(channel, listener) {
      const entry = channels.get(channel);
      if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) return;
      channels.delete(channel);
      await (await entry.subscribed)();
    },
    onResumed: (handler) => bus.onResumed(handler),
    size: () => channels.size,
  };
}
