import type { ClientFrame, LocationBatchResult, ServerFrame } from '@kupwara/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { KUPWARA, north, registerUser } from '../../test/factories';
import { liveTestApp } from '../../test/sockets';
import type { PositionIngest } from '../delivery/positions';
import { riderPositions } from '../delivery/tables';
import type { FrameSender } from './frame-sender';
import { saveRiderLocations } from './rider-locations';

const live = liveTestApp();
const positionOf = async (userId: string) =>
  (await live.db.select().from(riderPositions).where(eq(riderPositions.riderId, userId))).map((row) => row.location);

describe('a rider’s locations over the socket', () => {
  it('are stored, and answered with the frame’s ref', async () => {
    const rider = await registerUser(live.app, { role: 'rider' });
    const client = await live.connect(rider);
    const at = new Date().toISOString();
    client.send({ type: 'locations', ref: 'batch-1', points: [{ ...north(KUPWARA, 250), recorded_at: at }] });
    expect(await client.next((frame) => frame.type === 'locations_saved')).toEqual({
      type: 'locations_saved',
      ref: 'batch-1',
      accepted: 1,
      rejected: [],
      position: { ...north(KUPWARA, 250), recorded_at: at },
    });
    expect(await positionOf(rider.user.id)).toEqual([north(KUPWARA, 250)]);
  });

  it('are refused from anyone but a rider, and nothing of them is stored', async () => {
    const customer = await registerUser(live.app);
    const client = await live.connect(customer);
    const at = new Date().toISOString();
    client.send({ type: 'locations', ref: 'not-mine', points: [{ ...north(KUPWARA, 100), recorded_at: at }] });
    expect(await client.next((frame) => frame.type === 'error')).toEqual({
      type: 'error',
      code: 'FORBIDDEN',
      message: 'only riders send locations',
    });
    expect(await positionOf(customer.user.id)).toEqual([]);
  });
});

describe('saveRiderLocations', () => {
  const rider = { id: '01900000-0000-7000-8000-0000000000aa', role: 'rider', sessionId: 'test' } as const;
  const frame: Extract<ClientFrame, { type: 'locations' }> = {
    type: 'locations',
    ref: 'batch-9',
    points: [{ ...north(KUPWARA, 10), recorded_at: new Date().toISOString() }],
  };

  /** A sender that keeps the frames it is given. */
  function recordingSender() {
    const frames: ServerFrame[] = [];
    const sender: FrameSender = {
      send: (sent) => {
        if (typeof sent !== 'string') frames.push(sent);
      },
      refuse: (code, message, about) => frames.push({ type: 'error', code, message, ...about }),
      isOpen: () => true,
    };
    return { frames, sender };
  }

  /** An ingest whose one write ends when the test says. */
  function heldIngest() {
    let settle: { resolve(result: LocationBatchResult): void; reject(error: Error): void } | undefined;
    const positions: PositionIngest = {
      record: () =>
        new Promise<LocationBatchResult>((resolve, reject) => {
          settle = { resolve, reject };
        }),
      close: async () => {},
    };
    return { positions, settle: () => settle };
  }

  it('does not hold the socket up while the write is under way, and answers when it is done', async () => {
    const { frames, sender } = recordingSender();
    const ingest = heldIngest();
    saveRiderLocations({ positions: ingest.positions, sender }, frame, rider);
    expect(frames).toEqual([]);
    ingest.settle()?.resolve({ accepted: 1, rejected: [], position: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(frames).toEqual([{ type: 'locations_saved', ref: 'batch-9', accepted: 1, rejected: [], position: null }]);
  });

  it('asks for the locations again, by their ref, when they could not be stored', async () => {
    const { frames, sender } = recordingSender();
    const ingest = heldIngest();
    saveRiderLocations({ positions: ingest.positions, sender }, frame, rider);
    ingest.settle()?.reject(new Error('database gone'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(frames).toEqual([
      { type: 'error', code: 'LOCATIONS_NOT_SAVED', message: 'send these locations again', ref: 'batch-9' },
    ]);
  });
});
