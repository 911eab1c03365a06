import type { ClientFrame, LocationBatchResult, PositionPoint } from '@kupwara/shared';
import { ApiError, type ConnectionState, memoryStorage, type ReplyFrame } from '@kupwara/shared/client';
import { createFixBuffer } from './fix-buffer';
import { ACK_WITHIN_MS, createFixSender } from './fix-sender';

const START = Date.parse('2026-12-02T08:00:00.000Z');
const fix = (n: number): PositionPoint => ({
  lat: 34.5297 + n * 0.0001,
  lng: 74.2543,
  recorded_at: new Date(START + n * 4000).toISOString(),
});
const fixes = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => fix(from + i));
const saved = (points: readonly PositionPoint[]): LocationBatchResult => ({
  accepted: points.length,
  rejected: [],
  position: null,
});

/** The socket as the sender sees it: up or down, keeping the frames sent, answering when told. */
function fakeSocket(state: ConnectionState = 'online') {
  const replies = new Set<(frame: ReplyFrame) => void>();
  const socket = {
    state,
    frames: [] as Extract<ClientFrame, { type: 'locations' }>[],
    send(frame: ClientFrame) {
      if (socket.state !== 'online' || frame.type !== 'locations') return false;
      socket.frames.push(frame);
      return true;
    },
    onReply(listener: (frame: ReplyFrame) => void) {
      replies.add(listener);
      return () => replies.delete(listener);
    },
    reply(frame: ReplyFrame) {
      for (const listener of replies) listener(frame);
    },
  };
  return socket;
}

async function setUp({ socketState = 'online' as ConnectionState, network = true } = {}) {
  const buffer = createFixBuffer({ storage: memoryStorage(), key: (name) => name });
  await buffer.load();
  const socket = fakeSocket(socketState);
  const posted: PositionPoint[][] = [];
  const state = { network, httpFails: null as ApiError | null };
  let refs = 0;
  const sender = createFixSender({
    buffer,
    socket,
    http: async (points) => {
      if (state.httpFails) throw state.httpFails;
      posted.push(points);
      return saved(points);
    },
    networkUp: () => state.network,
    newRef: () => `fixes-${++refs}`,
    now: () => START + 60_000,
  });
  return { buffer, socket, posted, state, sender };
}

afterEach(() => jest.useRealTimers());

describe('sending the rider’s fixes', () => {
  it('sends a fix over the socket and drops it once the server says it is saved', async () => {
    const { buffer, socket, posted, sender } = await setUp();
    buffer.add([fix(0)]);
    const sending = sender.flush();
    expect(socket.frames).toEqual([{ type: 'locations', ref: 'fixes-1', points: [fix(0)] }]);
    expect(buffer.count()).toBe(1);
    socket.reply({ type: 'locations_saved', ref: 'fixes-1', ...saved([fix(0)]) });
    await sending;
    expect(buffer.count()).toBe(0);
    expect(posted).toEqual([]);
    expect(sender.lastSentAt()).toBe(START + 60_000);
  });

  it('sends the same fixes over HTTP when the socket answers with an error', async () => {
    const { buffer, socket, posted, sender } = await setUp();
    buffer.add(fixes(0, 2));
    const sending = sender.flush();
    socket.reply({ type: 'error', code: 'LOCATIONS_NOT_SAVED', message: 'send these locations again', ref: 'fixes-1' });
    await sending;
    expect(posted).toEqual([fixes(0, 2)]);
    expect(buffer.count()).toBe(0);
  });

  it('sends the same fixes over HTTP when the socket stays silent for 5 s', async () => {
    jest.useFakeTimers();
    const { buffer, socket, posted, sender } = await setUp();
    buffer.add([fix(0)]);
    const sending = sender.flush();
    // Another frame's answer is not this one's.
    socket.reply({ type: 'locations_saved', ref: 'fixes-0', ...saved([fix(0)]) });
    jest.advanceTimersByTime(ACK_WITHIN_MS - 1);
    expect(posted).toEqual([]);
    jest.advanceTimersByTime(1);
    await sending;
    expect(posted).toEqual([[fix(0)]]);
    expect(buffer.count()).toBe(0);
  });

  it('keeps the fixes while there is no network, and sends them all, oldest first, in batches of 500 when it returns', async () => {
    const { buffer, socket, posted, state, sender } = await setUp({ socketState: 'offline', network: false });
    buffer.add(fixes(0, 1200));
    await sender.flush();
    expect(buffer.count()).toBe(1200);
    expect(posted).toEqual([]);
    expect(sender.lastSentAt()).toBeNull();

    state.network = true;
    socket.state = 'online';
    await sender.flush();
    expect(posted.map((batch) => batch.length)).toEqual([500, 500, 200]);
    expect(posted.flat()).toEqual(fixes(0, 1200));
    expect(socket.frames).toEqual([]);
    expect(buffer.count()).toBe(0);
  });

  it('keeps a batch the server did not take (it restarts) and tries again', async () => {
    jest.useFakeTimers();
    const { buffer, posted, state, sender } = await setUp({ socketState: 'offline' });
    state.httpFails = new ApiError(503, 'INTERNAL', 'restarting');
    buffer.add(fixes(0, 3));
    await sender.flush();
    expect(buffer.count()).toBe(3);
    state.httpFails = null;
    jest.advanceTimersByTime(15_000);
    await sender.flush();
    expect(posted).toEqual([fixes(0, 3)]);
    expect(buffer.count()).toBe(0);
  });

  it('drops a batch the server refuses for good, so the fixes after it still go', async () => {
    const { buffer, posted, state, sender } = await setUp({ socketState: 'offline' });
    state.httpFails = new ApiError(400, 'VALIDATION_FAILED', 'bad points');
    buffer.add(fixes(0, 3));
    await sender.flush();
    expect(buffer.count()).toBe(0);
    state.httpFails = null;
    buffer.add([fix(3)]);
    await sender.flush();
    expect(posted).toEqual([[fix(3)]]);
  });

  it('keeps a fix taken while a batch is on its way, and sends it next', async () => {
    const { buffer, socket, sender } = await setUp();
    buffer.add([fix(0)]);
    const sending = sender.flush();
    buffer.add([fix(1)]);
    void sender.flush();
    socket.reply({ type: 'locations_saved', ref: 'fixes-1', ...saved([fix(0)]) });
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(buffer.oldest(10)).toEqual([fix(1)]);
    expect(socket.frames.at(-1)).toEqual({ type: 'locations', ref: 'fixes-2', points: [fix(1)] });
    socket.reply({ type: 'locations_saved', ref: 'fixes-2', ...saved([fix(1)]) });
    await sending;
    expect(buffer.count()).toBe(0);
  });
});
