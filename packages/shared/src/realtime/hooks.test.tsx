import { channels, type Order, type OrderEvent } from '@kupwara/shared';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react-native';
import type { ReactNode } from 'react';
import { orderKeys } from '../orders/keys';
import type { ChannelFrame, RealtimeClient } from './client';
import { RealtimeContext, useOrderLive } from './hooks';

const ORDER = '01900000-0000-7000-8000-000000000001';
const step = (seq: number, status: OrderEvent['status'], from: OrderEvent['status'] | null): OrderEvent => ({
  order_id: ORDER,
  seq,
  kind: 'transition',
  status,
  from_status: from,
  actor: 'seller',
  reason: null,
  reason_code: null,
  occurred_at: '2026-11-29T10:00:00.000Z',
  recorded_at: '2026-11-29T10:00:00.000Z',
});

/** A realtime client that records subscriptions and lets the test deliver frames. */
function fakeRealtime() {
  const listeners = new Map<string, (frame: ChannelFrame) => void>();
  const subscriptions: { channel: string; since?: number }[] = [];
  const client = {
    subscribe(channel: string, listener: (frame: ChannelFrame) => void, options: { since?: number } = {}) {
      subscriptions.push({ channel, since: options.since });
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  } as unknown as RealtimeClient;
  return { client, subscriptions, deliver: (channel: string, frame: ChannelFrame) => listeners.get(channel)?.(frame) };
}

it('keeps the cached order current from its channel, resuming after the last event it holds', () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const placed = step(1, 'PENDING', null);
  const cached = { id: ORDER, status: placed.status, timeline: [placed] } as unknown as Order;
  queryClient.setQueryData(orderKeys.detail(ORDER), cached);
  const realtime = fakeRealtime();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RealtimeContext.Provider value={realtime.client}>{children}</RealtimeContext.Provider>
    </QueryClientProvider>
  );
  const { result, unmount } = renderHook(() => useOrderLive(ORDER), { wrapper });
  expect(realtime.subscriptions).toEqual([{ channel: channels.order(ORDER), since: 1 }]);

  act(() =>
    realtime.deliver(channels.order(ORDER), {
      type: 'event',
      channel: channels.order(ORDER),
      seq: 2,
      event: step(2, 'ACCEPTED', placed.status),
    }),
  );
  const order = queryClient.getQueryData<Order>(orderKeys.detail(ORDER));
  expect(order?.status).toBe('ACCEPTED');
  expect(order?.timeline.map((event) => event.seq)).toEqual([1, 2]);

  const position = {
    order_id: ORDER,
    rider_id: '01900000-0000-7000-8000-000000000002',
    lat: 34.53,
    lng: 74.25,
    accuracy_m: 5,
    heading: null,
    speed_mps: null,
    recorded_at: '2026-11-29T10:01:00.000Z',
    toward: 'store' as const,
    distance_m: 900,
    eta_seconds: 180,
  };
  act(() => realtime.deliver(channels.order(ORDER), { type: 'position', channel: channels.order(ORDER), position }));
  expect(result.current.position).toEqual(position);
  unmount();
  queryClient.clear();
});

it('gives the cached order the rider taken early, keeping its status, by reading the order again', async () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const key = orderKeys.detail(ORDER);
  const placed = step(1, 'PENDING', null);
  const accepted = step(2, 'ACCEPTED', placed.status);
  const early: OrderEvent = { ...step(3, accepted.status, accepted.status), kind: 'rider_assigned_early' };
  const rider = { id: '01900000-0000-7000-8000-000000000002', name: 'Bilal Mir', phone: '+919419000001' };
  const before = { id: ORDER, status: accepted.status, rider: null, timeline: [placed, accepted] } as unknown as Order;
  let server = before;
  const realtime = fakeRealtime();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RealtimeContext.Provider value={realtime.client}>{children}</RealtimeContext.Provider>
    </QueryClientProvider>
  );
  const { unmount } = renderHook(
    () => {
      useQuery({ queryKey: key, queryFn: async () => server });
      return useOrderLive(ORDER);
    },
    { wrapper },
  );
  await waitFor(() => expect(queryClient.getQueryData(key)).toEqual(before));

  server = { ...before, rider, timeline: [placed, accepted, early] };
  act(() =>
    realtime.deliver(channels.order(ORDER), { type: 'event', channel: channels.order(ORDER), seq: 3, event: early }),
  );
  await waitFor(() => expect(queryClient.getQueryData<Order>(key)?.rider).toEqual(rider));
  const order = queryClient.getQueryData<Order>(key);
  expect([order?.status, order?.timeline.map((event) => event.kind)]).toEqual([
    accepted.status,
    ['transition', 'transition', 'rider_assigned_early'],
  ]);
  unmount();
  queryClient.clear();
});
