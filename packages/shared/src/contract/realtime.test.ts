import { describe, expect, it } from 'vitest';
import { channelMessage, channelName, channels, clientFrame, parseChannel } from './realtime';

const ID = '01900000-0000-7000-8000-00000000abcd';

describe('channel names', () => {
  it('are built for each kind and parsed back to it', () => {
    expect([channels.order(ID), channels.store(ID), channels.rider(ID)]).toEqual([
      'order.01900000-0000-7000-8000-00000000abcd',
      'store.01900000-0000-7000-8000-00000000abcd',
      'rider.01900000-0000-7000-8000-00000000abcd',
    ]);
    expect(parseChannel(channels.order(ID))).toEqual({ kind: 'order', id: ID });
    expect(parseChannel(channels.store(ID))).toEqual({ kind: 'store', id: ID });
    expect(parseChannel(channels.rider(ID))).toEqual({ kind: 'rider', id: ID });
  });

  it.each([
    ['another kind', 'orders.01900000-0000-7000-8000-00000000abcd'],
    ['no kind', '.01900000-0000-7000-8000-00000000abcd'],
    ['no id', 'rider.'],
    ['a kind alone', 'order'],
    ['no dot', 'store01900000-0000-7000-8000-00000000abcd'],
    ['not an id', 'order.everything'],
    ['an id in capitals', 'order.01900000-0000-7000-8000-00000000ABCD'],
    ['more after the id', 'order.01900000-0000-7000-8000-00000000abcd.items'],
    ['a prefix', 'x.order.01900000-0000-7000-8000-00000000abcd'],
    ['nothing', ''],
  ])('are not made of %s', (_, name) => {
    expect(parseChannel(name)).toBeUndefined();
    expect(channelName.safeParse(name).success).toBe(false);
  });

  it('are what a subscribe frame must name', () => {
    expect(clientFrame.safeParse({ type: 'subscribe', channel: channels.store(ID) }).success).toBe(true);
    const refused = clientFrame.safeParse({ type: 'subscribe', channel: 'orders.everything' });
    expect(refused.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['channel'], 'must be order.{id}, store.{id} or rider.{id}'],
    ]);
  });
});

describe('bus messages', () => {
  const event = {
    order_id: ID,
    seq: 1,
    kind: 'transition',
    status: 'PENDING',
    from_status: null,
    actor: 'customer',
    reason: null,
    reason_code: null,
    occurred_at: '2026-12-01T10:00:00.000Z',
    recorded_at: '2026-12-01T10:00:00.100Z',
  };

  it('are tagged: an order event, a position or an offer', () => {
    expect(channelMessage.parse({ type: 'event', event })).toEqual({ type: 'event', event });
    const position = {
      order_id: ID,
      rider_id: ID,
      lat: 34.53,
      lng: 74.25,
      accuracy_m: null,
      heading: null,
      speed_mps: null,
      recorded_at: '2026-12-01T10:00:00.000Z',
      toward: 'store',
      distance_m: 800,
      eta_seconds: 160,
    };
    expect(channelMessage.safeParse({ type: 'position', position }).success).toBe(true);
    const offer = {
      id: ID,
      order_id: ID,
      store: { name: 'Lone General Store', address: 'Main Bazaar', location: { lat: 34.53, lng: 74.25 } },
      delivery_location: { lat: 34.54, lng: 74.25 },
      distance_m: 300,
      trip_m: 1_200,
      earning_paise: 3_000,
      cash_paise: 25_800,
      item_count: 2,
      expires_at: '2026-12-01T10:00:30.000Z',
    };
    expect(channelMessage.safeParse({ type: 'offer', offer }).success).toBe(true);
  });

  it('are refused untagged, or tagged with the wrong body', () => {
    expect(channelMessage.safeParse(event).success).toBe(false);
    expect(channelMessage.safeParse({ type: 'position', event }).success).toBe(false);
    expect(channelMessage.safeParse({ type: 'event', event: { ...event, seq: '1' } }).success).toBe(false);
  });
});
