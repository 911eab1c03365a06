import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../contract/realtime';
import { createRealtimeClient, type SocketLike } from './client';

/** A socket the test drives: it opens or fails when told, and keeps what the client sent. */
class FakeSocket implements SocketLike {
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const ORDER = '01900000-0000-7000-8000-000000000001';
const event = (seq: number) => ({
  type: 'event',
  channel: channels.order(ORDER),
  seq,
  event: {
    order_id: ORDER,
    seq,
    kind: 'transition',
    status: 'ACCEPTED',
    from_status: 'PENDING',
    actor: 'seller',
    reason: null,
    reason_code: null,
    occurred_at: '2026-11-29T10:00:00.000Z',
    recorded_at: '2026-11-29T10:00:00.000Z',
  },
});

function start() {
  FakeSocket.made = [];
  return createRealtimeClient({
    url: 'ws://town/ws',
    token: () => 'token',
    refreshToken: async () => true,
    WebSocket: FakeSocket,
    random: () => 0.5,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the realtime client', () => {
  it('waits 1 s doubling to 30 s between attempts, with jitter, and starts over after a stable connection', () => {
    vi.useFakeTimers();
    const client = start();
    client.subscribe(channels.order(ORDER), () => {});
    const gaps: number[] = [];
    let last = Date.now();
    for (let attempt = 0; attempt < 8; attempt++) {
      FakeSocket.made.at(-1)?.close();
      const before = FakeSocket.made.length;
      while (FakeSocket.made.length === before) vi.advanceTimersByTime(10);
      gaps.push(Date.now() - last);
      last = Date.now();
    }
    // Half the ceiling plus half of it at random (0.5 here): 0.75 × 1, 2, 4 … capped at 30 s.
    expect(gaps).toEqual([750, 1500, 3000, 6000, 12_000, 22_500, 22_500, 22_500]);

    const socket = FakeSocket.made.at(-1);
    socket?.open();
    vi.advanceTimersByTime(10_000);
    socket?.close();
    const before = FakeSocket.made.length;
    vi.advanceTimersByTime(750);
    expect(FakeSocket.made.length).toBe(before + 1);
    client.close();
  });

  it('authenticates, subscribes from the last sequence it delivered, and drops repeats', () => {
    vi.useFakeTimers();
    const client = start();
    const seqs: number[] = [];
    let resumed = 0;
    client.subscribe(channels.order(ORDER), (frame) => frame.type === 'event' && seqs.push(frame.seq), {
      since: 3,
      onResume: () => {
        resumed += 1;
      },
    });
    const first = FakeSocket.made[0];
    first?.open();
    expect(first?.sent).toEqual([{ type: 'auth', token: 'token' }]);
    first?.receive({ type: 'authenticated', user_id: 'u', expires_at: '2026-11-29T11:00:00.000Z' });
    expect(first?.sent.at(-1)).toEqual({ type: 'subscribe', channel: channels.order(ORDER), since: 3 });
    for (const seq of [3, 4, 5, 4]) first?.receive(event(seq));
    expect(seqs).toEqual([4, 5]);
    expect(resumed).toBe(0);

    first?.close();
    vi.advanceTimersByTime(750);
    const second = FakeSocket.made[1];
    second?.open();
    second?.receive({ type: 'authenticated', user_id: 'u', expires_at: '2026-11-29T11:00:00.000Z' });
    expect(second?.sent.at(-1)).toEqual({ type: 'subscribe', channel: channels.order(ORDER), since: 5 });
    expect(resumed).toBe(1);
    for (const seq of [5, 6]) second?.receive(event(seq));
    expect(seqs).toEqual([4, 5, 6]);
    client.close();
  });

  it('takes a fresh token when the server says the old one expired, and subscribes again', async () => {
    let token = 'old';
    FakeSocket.made = [];
    const client = createRealtimeClient({
      url: 'ws://town/ws',
      token: () => token,
      refreshToken: async () => {
        token = 'new';
        return true;
      },
      WebSocket: FakeSocket,
    });
    client.subscribe(channels.order(ORDER), () => {});
    const socket = FakeSocket.made[0];
    socket?.open();
    socket?.receive({ type: 'authenticated', user_id: 'u', expires_at: '2026-11-29T11:00:00.000Z' });
    socket?.receive({ type: 'error', code: 'TOKEN_EXPIRED', message: 'send a fresh token' });
    await vi.waitFor(() => expect(socket?.sent.at(-1)).toEqual({ type: 'auth', token: 'new' }));
    socket?.receive({ type: 'authenticated', user_id: 'u', expires_at: '2026-11-29T12:00:00.000Z' });
    expect(socket?.sent.at(-1)).toEqual({ type: 'subscribe', channel: channels.order(ORDER) });
    client.close();
  });

  it('refreshes once when the server refuses its token at sign-in, and goes offline when that logs it out', async () => {
    let token: string | null = 'of-an-ended-login';
    const refreshes: string[] = [];
    FakeSocket.made = [];
    const client = createRealtimeClient({
      url: 'ws://town/ws',
      token: () => token,
      refreshToken: async () => {
        refreshes.push(token ?? '');
        token = null;
        return false;
      },
      WebSocket: FakeSocket,
    });
    client.subscribe(channels.order(ORDER), () => {});
    const socket = FakeSocket.made[0];
    socket?.open();
    socket?.receive({ type: 'error', code: 'UNAUTHENTICATED', message: 'This login has ended: log in again' });
    await vi.waitFor(() => expect(client.state).toBe('offline'));
    expect(refreshes).toEqual(['of-an-ended-login']);
    expect(socket?.readyState).toBe(3);
    client.close();
  });

  it('does not refresh in a loop when the fresh token is refused too', async () => {
    let n = 0;
    FakeSocket.made = [];
    const client = createRealtimeClient({
      url: 'ws://town/ws',
      token: () => `token-${n}`,
      refreshToken: async () => {
        n += 1;
        return true;
      },
      WebSocket: FakeSocket,
    });
    client.subscribe(channels.order(ORDER), () => {});
    const socket = FakeSocket.made[0];
    socket?.open();
    socket?.receive({ type: 'error', code: 'UNAUTHENTICATED', message: 'Invalid access token' });
    await vi.waitFor(() => expect(socket?.sent.at(-1)).toEqual({ type: 'auth', token: 'token-1' }));
    socket?.receive({ type: 'error', code: 'UNAUTHENTICATED', message: 'Invalid access token' });
    await Promise.resolve();
    expect(n).toBe(1);
    expect(socket?.sent).toEqual([
      { type: 'auth', token: 'token-0' },
      { type: 'auth', token: 'token-1' },
    ]);
    client.close();
  });

  it('hands the answers to frames sent with a ref to their listeners, and nothing else', () => {
    const client = start();
    client.subscribe(channels.order(ORDER), () => {});
    const socket = FakeSocket.made[0];
    socket?.open();
    socket?.receive({ type: 'authenticated', user_id: 'u', expires_at: '2026-11-29T11:00:00.000Z' });
    const replies: unknown[] = [];
    const stop = client.onReply((frame) => replies.push(frame));
    const saved = { type: 'locations_saved', ref: 'fixes-1', accepted: 2, rejected: [], position: null };
    socket?.receive(saved);
    socket?.receive({
      type: 'error',
      code: 'LOCATIONS_NOT_SAVED',
      message: 'send these locations again',
      ref: 'fixes-2',
    });
    socket?.receive({ type: 'error', code: 'FORBIDDEN', message: 'not yours', channel: channels.order(ORDER) });
    socket?.receive(event(1));
    stop();
    socket?.receive({ ...saved, ref: 'fixes-3' });
    expect(replies).toEqual([
      saved,
      { type: 'error', code: 'LOCATIONS_NOT_SAVED', message: 'send these locations again', ref: 'fixes-2' },
    ]);
    client.close();
  });
});
