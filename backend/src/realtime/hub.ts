import type { OrderEvent } from '@kupwara/shared';
import type { OfferMessage } from '../delivery/dispatch';
import type { PositionMessage } from '../delivery/tracking';
import type { Bus } from '../platform/bus';

/** What the bus carries on a channel: orders' events; the rider's positions on order channels; offers on rider channels. */
export type ChannelMessage = OrderEvent | PositionMessage | OfferMessage;
export type Listener = (message: ChannelMessage) => void;

/**
 * This process's side of fan-out: one bus subscription per channel that any local socket follows,
 * however many sockets follow it. Events reach every process through the bus (Redis when set).
 */
export interface Hub {
  /** Resolves once events of the channel flow to `listener`. */
  join(channel: string, listener: Listener): Promise<void>;
  leave(channel: string, listener: Listener): Promise<void>;
  /** How many channels this process follows. */
  size(): number;
}

export function createHub(bus: Bus): Hub {
  const channels = new Map<string, { listeners: Set<Listener>; subscribed: Promise<() => Promise<void>> }>();
  return {
    async join(channel, listener) {
      let entry = channels.get(channel);
      if (!entry) {
        const listeners = new Set<Listener>();
        const subscribed = bus.subscribe(channel, (message) => {
          for (const each of listeners) each(message as ChannelMessage);
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
    size: () => channels.size,
  };
}
