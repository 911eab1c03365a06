import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { memoryStorage } from '../store/storage';
import { createActionQueue } from './action-queue';
import { manualConnectivity } from './connectivity';
import type { ActionHandlers, ActionKind } from './queued-action';

/** Two kinds, as an app registers them: making a note, and taking a note back. */
type Kinds = {
  addNote: ActionKind<{ text: string }, { id: string }>;
  removeNote: ActionKind<{ note: string; unsent?: true }, null>;
};

const offline = new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');

/** Handlers whose sends the test answers by hand, recording what the queue asked of them. */
function kit() {
  const log: string[] = [];
  const answers: ((outcome: { ok: true; id: string } | { ok: false; error: unknown }) => void)[] = [];
  const handlers: ActionHandlers<Kinds> = {
    addNote: {
      send: ({ text }, key) => {
        log.push(`send add ${text} ${key}`);
        return new Promise((resolve, reject) =>
          answers.push((outcome) => (outcome.ok ? resolve({ id: outcome.id }) : reject(outcome.error))),
        );
      },
      optimistic: ({ text }) => log.push(`show ${text}`),
      rollback: ({ text }) => log.push(`hide ${text}`),
      settle: ({ id }, { text }) => log.push(`settle ${text} as ${id}`),
      conflict: (error, { text }) => `${text}: ${error.message}`,
    },
    removeNote: {
      send: async ({ note }) => {
        log.push(`send remove ${note}`);
        return null;
      },
      undoes: ({ note, unsent }) => (unsent ? note : undefined),
    },
  };
  let ids = 0;
  const storage = memoryStorage();
  const connectivity = manualConnectivity(false);
  const make = () =>
    createActionQueue<Kinds>({
      storage,
      handlers,
      connectivity,
      newId: () => `key-${++ids}`,
      initialRetryMs: 10_000,
      random: () => 0,
    });
  const answer = (outcome: Parameters<(typeof answers)[number]>[0]) => answers.shift()?.(outcome);
  const saved = async () => JSON.parse((await storage.getItem('kupwara.actions')) ?? 'null');
  return { log, handlers, storage, connectivity, make, answer, saved };
}

const settleDown = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the action queue', () => {
  it('shows an action at once, saves it before sending, and sends it with its own key when online', async () => {
    const { log, connectivity, make, answer, saved } = kit();
    const queue = make();
    const done = await queue.enqueue('addNote', 'notes', { text: 'buy rice' });
    expect(done).toMatchObject({ outcome: 'queued', action: { id: 'key-1', kind: 'addNote', attempts: 0 } });
    expect(log).toEqual(['show buy rice']);
    expect(await saved()).toMatchObject([{ id: 'key-1', params: { text: 'buy rice' }, status: 'pending' }]);

    connectivity.set(true);
    await settleDown();
    // Counted as tried before it left, and saved so: after a crash now, the server may have it.
    expect(await saved()).toMatchObject([{ id: 'key-1', attempts: 1 }]);
    answer({ ok: true, id: 'n1' });
    await queue.flush();
    expect(log).toEqual(['show buy rice', 'send add buy rice key-1', 'settle buy rice as n1']);
    expect(queue.actions()).toEqual([]);
    expect(await saved()).toEqual([]);
    queue.close();
  });

  it('cancels out an action never sent with the one that undoes it: both leave, nothing is sent', async () => {
    const { log, connectivity, make, saved } = kit();
    const queue = make();
    await queue.enqueue('addNote', 'notes', { text: 'buy rice' });
    await queue.enqueue('addNote', 'notes', { text: 'buy tea' });

    const done = await queue.enqueue('removeNote', 'notes', { note: 'key-1', unsent: true });
    expect(done).toMatchObject({ outcome: 'annihilated', undone: { id: 'key-1', params: { text: 'buy rice' } } });
    expect(queue.actions().map((action) => action.id)).toEqual(['key-2']);
    expect(await saved()).toMatchObject([{ id: 'key-2' }]);

    connectivity.set(true);
    await settleDown();
    expect(log).toEqual(['show buy rice', 'show buy tea', 'hide buy rice', 'send add buy tea key-2']);
    queue.close();
  });

  it('refuses the undoing as too late once the action may have reached the server, and queues nothing', async () => {
    const { log, connectivity, make, answer } = kit();
    const queue = make();
    await queue.enqueue('addNote', 'notes', { text: 'buy rice' });
    connectivity.set(true);
    await settleDown();

    // On its way: the server may already have it.
    expect(await queue.enqueue('removeNote', 'notes', { note: 'key-1', unsent: true })).toEqual({
      outcome: 'too-late',
    });
    // Its answer lost: it waits to be sent again, and the server may still have it.
    connectivity.set(false);
    answer({ ok: false, error: offline });
    await settleDown();
    expect(queue.actions()).toMatchObject([{ id: 'key-1', status: 'pending', attempts: 1 }]);
    expect(await queue.enqueue('removeNote', 'notes', { note: 'key-1', unsent: true })).toEqual({
      outcome: 'too-late',
    });
    // Sent and gone: there is nothing left here to undo.
    connectivity.set(true);
    await settleDown();
    answer({ ok: true, id: 'n1' });
    await queue.flush();
    expect(await queue.enqueue('removeNote', 'notes', { note: 'key-1', unsent: true })).toEqual({
      outcome: 'too-late',
    });
    expect(queue.actions()).toEqual([]);
    expect(log.filter((line) => line.startsWith('send remove'))).toEqual([]);
    queue.close();
  });

  it('cancels out an action the server refused (the server has nothing of it), freeing its lane', async () => {
    const { log, make, connectivity, answer } = kit();
    const queue = make();
    await queue.enqueue('addNote', 'notes', { text: 'buy rice' });
    await queue.enqueue('addNote', 'notes', { text: 'buy tea' });
    connectivity.set(true);
    await settleDown();
    answer({ ok: false, error: new ApiError(409, 'CONFLICT', 'the list changed') });
    await queue.flush();
    expect(queue.actions()).toMatchObject([
      { status: 'failed', error: { code: 'CONFLICT', message: 'buy rice: the list changed', conflict: true } },
      { status: 'pending', attempts: 0 },
    ]);
    expect(await queue.enqueue('removeNote', 'notes', { note: 'key-1', unsent: true })).toMatchObject({
      outcome: 'annihilated',
    });
    await settleDown();
    expect(log.at(-1)).toBe('send add buy tea key-2');
    answer({ ok: true, id: 'n2' });
    await queue.flush();
    expect(queue.actions()).toEqual([]);
    queue.close();
  });

  it('sends an undoing that names what the server has, like any other action', async () => {
    const { log, connectivity, make } = kit();
    const queue = make();
    connectivity.set(true);
    expect(await queue.enqueue('removeNote', 'note:n7', { note: 'n7' })).toMatchObject({ outcome: 'queued' });
    await queue.flush();
    expect(log).toEqual(['send remove n7']);
    queue.close();
  });

  it('holds a lane behind a refused action until it is discarded, and other lanes go on', async () => {
    const { log, connectivity, make, answer } = kit();
    const queue = make();
    await queue.enqueue('addNote', 'notes', { text: 'buy rice' });
    await queue.enqueue('addNote', 'notes', { text: 'buy tea' });
    await queue.enqueue('removeNote', 'note:n7', { note: 'n7' });
    connectivity.set(true);
    await settleDown();
    answer({ ok: false, error: new ApiError(422, 'VALIDATION_FAILED', 'too long') });
    await queue.flush();
    expect(queue.actions().map(({ id, status }) => `${id} ${status}`)).toEqual(['key-1 failed', 'key-2 pending']);
    expect(log).toContain('send remove n7');
    expect(log).not.toContain('send add buy tea key-2');

    const discarded = queue.discard('key-1');
    await settleDown();
    answer({ ok: true, id: 'n2' });
    await discarded;
    expect(log).toContain('settle buy tea as n2');
    expect(queue.actions()).toEqual([]);
    queue.close();
  });

  it('clears everything at once, taking back what it showed and ignoring an answer still on its way', async () => {
    const { log, connectivity, make, answer, saved } = kit();
    const queue = make();
    await queue.enqueue('addNote', 'notes', { text: 'buy rice' });
    await queue.enqueue('addNote', 'other', { text: 'buy tea' });
    connectivity.set(true);
    await settleDown();
    connectivity.set(false);
    await queue.clear();
    expect(queue.actions()).toEqual([]);
    expect(await saved()).toEqual([]);
    answer({ ok: true, id: 'n1' });
    answer({ ok: false, error: new ApiError(409, 'CONFLICT', 'late') });
    await settleDown();
    expect(log.filter((line) => /^(hide|settle)/.test(line))).toEqual(['hide buy rice', 'hide buy tea']);
    queue.close();
  });

  it('shows again after a restart what was waiting, reading what an older build saved', async () => {
    const { log, storage, make } = kit();
    await storage.setItem(
      'kupwara.actions',
      JSON.stringify([
        {
          id: 'old-1',
          kind: 'addNote',
          resource: 'notes',
          payload: { text: 'saved as payload' },
          createdAt: '2026-11-20T10:00:00.000Z',
          attempts: 0,
          status: 'pending',
        },
        {
          id: 'old-2',
          kind: 'cancelNote',
          resource: 'note:n1',
          payload: { note: 'n1' },
          createdAt: '2026-11-20T10:01:00.000Z',
          attempts: 0,
          status: 'pending',
        },
      ]),
    );
    const queue = make();
    await queue.ready;
    expect(log).toEqual(['show saved as payload']);
    expect(queue.actions()).toMatchObject([
      { id: 'old-1', params: { text: 'saved as payload' }, status: 'pending' },
      // A kind this build lacks stays in sight, refused, for the person to discard.
      { id: 'old-2', status: 'failed', error: { code: 'UNKNOWN_ACTION', conflict: false } },
    ]);
    await queue.retry('old-2');
    expect(queue.actions()[1]?.status).toBe('failed');
    await queue.discard('old-2');
    expect(queue.actions().map((action) => action.id)).toEqual(['old-1']);
    queue.close();
  });
});
