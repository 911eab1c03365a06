import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { type ChannelName, channels } from '../contract/channels';
import type { TrackingPosition } from '../contract/delivery';
import type { Order } from '../contract/orders';
import { orderKeys } from '../orders/keys';
import type { ChannelFrame, ConnectionState, RealtimeClient } from './client';
import { withEvent } from './order-cache';

export const RealtimeContext = createContext<RealtimeClient | null>(null);

export function useRealtime(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error('useRealtime needs a <RealtimeContext.Provider>');
  return client;
}

/** The socket's state, for a "reconnecting…" hint. */
export function useConnectionState(): ConnectionState {
  const client = useRealtime();
  const [state, setState] = useState(client.state);
  useEffect(() => client.onState(setState), [client]);
  return state;
}

/** Listens to a channel while the component is mounted (null: none). */
export function useChannel(
  channel: ChannelName | null,
  onFrame: (frame: ChannelFrame) => void,
  options: { since?: number; onResume?: () => void } = {},
) {
  const client = useRealtime();
  const latest = useRef({ onFrame, ...options });
  latest.current = { onFrame, ...options };
  useEffect(() => {
    if (!channel) return;
    return client.subscribe(channel, (frame) => latest.current.onFrame(frame), {
      since: latest.current.since,
      onResume: () => latest.current.onResume?.(),
    });
  }, [client, channel]);
}

/**
 * Keeps the cached order (`orderKeys.detail(id)`) current from its channel, resuming after the last
 * event the cache holds, and gives the rider's newest position.
 */
export function useOrderLive(orderId: string | null): { position: TrackingPosition | null } {
  const queryClient = useQueryClient();
  const [position, setPosition] = useState<TrackingPosition | null>(null);
  const key = orderId ? orderKeys.detail(orderId) : null;
  const since = key ? queryClient.getQueryData<Order>(key)?.timeline.at(-1)?.seq : undefined;
  useChannel(
    orderId ? channels.order(orderId) : null,
    (frame) => {
      if (frame.type === 'position') setPosition(frame.position);
      if (frame.type !== 'event' || !key) return;
      queryClient.setQueryData<Order>(key, (order) => (order ? withEvent(order, frame.event) : order));
      // The event says what happened; the order itself (rider, version, code) is read again.
      void queryClient.invalidateQueries({ queryKey: key });
    },
    { since },
  );
  return { position };
}
