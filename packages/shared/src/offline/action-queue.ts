import { ApiError } from '../api/client';
import type { KeyValueStorage } from '../store/storage';
import type { Connectivity } from './connectivity';
import type {
  ActionHandler,
  ActionHandlers,
  ActionKindsOf,
  Enqueued,
  KindName,
  ParamsOf,
  QueuedAction,
  QueuedActionOf,
} from './queued-action';

export interface ActionQueueOptions<Kinds extends ActionKindsOf<Kinds>> {
  storage: KeyValueStorage;
  handlers: ActionHandlers<Kinds>;
  connectivity: Connectivity;
  /** Storage key (one queue per signed-in app). */
  key?: string;
  newId: () => string;
  /** Told when an action met a conflict: the message is for the user. */
  onConflict?: (action: QueuedAction<Kinds>, message: string) => void;
  initialRetryMs?: number;
  maxRetryMs?: number;
  random?: () => number;
}

export interface ActionQueue<Kinds extends ActionKindsOf<Kinds>> {
  /** Resolves once the actions saved before a restart are back (and shown again). */
  ready: Promise<void>;
  /** Queues what the user just did, shows it at once, and sends it as soon as it can. */
  enqueue<Name extends KindName<Kinds>>(
    kind: Name,
    resource: string,
    params: ParamsOf<Kinds, Name>,
  ): Promise<Enqueued<Kinds, Name>>;
  actions(): readonly QueuedAction<Kinds>[];
  subscribe(listener: (actions: readonly QueuedAction<Kinds>[]) => void): () => void;
  /** Sends what can be sent now; resolves when every lane is done or waiting. */
  flush(): Promise<void>;
  /** A failed action, tried again as it was (same key). */
  retry(id: string): Promise<void>;
  /** A failed or waiting action, given up: what it showed is taken back. */
  discard(id: string): Promise<void>;
  /** Every action given up at once (signing out): what they showed is taken back, nothing more is sent. */
  clear(): Promise<void>;
  close(): void;
}

const CONFLICTS = new Set([
  'CONFLICT',
  'PRICE_CHANGED',
  'OUT_OF_STOCK',
  'INVALID_TRANSITION',
  'STORE_CLOSED',
  'STORE_PAUSED',
]);

/** Worth trying again later: no answer, the server busy or restarting, or a session being renewed. */
const isTransient = (error: unknown) =>
  !(error instanceof ApiError) || error.transient || error.code === 'UNAUTHENTICATED';

/** The server has nothing of it: never sent, or refused. */
const unsent = (action: QueuedActionOf<string, unknown>) => action.status === 'failed' || action.attempts === 0;

type AnyAction = QueuedActionOf<string, unknown>;

/** A saved action as an older build wrote it: `payload` before it was `params`. */
type SavedAction = Omit<AnyAction, 'params'> & { params?: unknown; payload?: unknown };
const upgraded = ({ payload, params, ...action }: SavedAction): AnyAction => ({
  ...action,
  params: params === undefined ? payload : params,
});

/** An action saved by a build that had a kind this one lacks: kept where the user can see and discard it. */
const orphaned = (action: AnyAction): AnyAction => ({
  ...action,
  status: 'failed',
  error: {
    code: 'UNKNOWN_ACTION',
    message: 'This change was saved by an older version of the app and can no longer be sent.',
    conflict: false,
  },
});

/**
 * The offline-first queue of what the user did: saved before anything is sent, shown at once,
 * sent in order per resource when there is a network, with backoff while there is none.
 */
export function createActionQueue<Kinds extends ActionKindsOf<Kinds>>(
  options: ActionQueueOptions<Kinds>,
): ActionQueue<Kinds> {
  const { storage, connectivity, key = 'kupwara.actions', initialRetryMs = 1000, maxRetryMs = 60_000 } = options;
  // Inside the queue every kind is alike; the typed surface is `ActionQueue<Kinds>`.
  const handlers = options.handlers as unknown as Record<string, ActionHandler<unknown, unknown> | undefined>;
  const random = options.random ?? Math.random;
  let list: AnyAction[] = [];
  const listeners = new Set<(actions: readonly QueuedAction<Kinds>[]) => void>();
  let flushing: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const typed = () => list as unknown as readonly QueuedAction<Kinds>[];
  const handlerOf = (kind: string) => {
    const handler = handlers[kind];
    if (!handler) throw new Error(`no handler for queued action "${kind}"`);
    return handler;
  };
  const queued = (id: string) => list.some((action) => action.id === id);
  const replace = (id: string, change: (action: AnyAction) => AnyAction) =>
    list.map((action) => (action.id === id ? change(action) : action));

  // Every change is saved before it is announced: what the user sees is what survives a restart.
  let saving = Promise.resolve();
  async function save(next: AnyAction[]) {
    list = next;
    const snapshot = JSON.stringify(next);
    saving = saving.then(() => storage.setItem(key, snapshot));
    await saving;
    for (const listener of listeners) listener(typed());
  }

  const ready = (async () => {
    const saved = await storage.getItem(key);
    list = (saved ? (JSON.parse(saved) as SavedAction[]) : []).map(upgraded).map((action) => {
      const handler = handlers[action.kind];
      if (!handler) return orphaned(action);
      if (action.status === 'pending') handler.optimistic?.(action.params, action);
      return action;
    });
    for (const listener of listeners) listener(typed());
  })();

  async function sendOne(action: AnyAction): Promise<'done' | 'wait' | 'blocked'> {
    const handler = handlerOf(action.kind);
    // Counted before it goes: from here on the server may have it, so it can no longer be undone unsent.
    const sending = { ...action, attempts: action.attempts + 1 };
    const saved = save(replace(action.id, () => sending));
    try {
      await saved;
      const result = await handler.send(action.params, action.id, sending);
      // Given up while on its way (signed out): the answer is for nobody.
      if (!queued(action.id)) return 'done';
      handler.settle?.(result, action.params, sending);
      await save(list.filter((a) => a.id !== action.id));
      return 'done';
    } catch (caught) {
      if (!queued(action.id)) return 'done';
      if (isTransient(caught)) return 'wait';
      const error = caught as ApiError;
      const conflict = error.status === 409 || CONFLICTS.has(error.code);
      handler.rollback?.(action.params, sending);
      const message = conflict && handler.conflict ? handler.conflict(error, action.params, sending) : error.message;
      const failed: AnyAction = {
        ...sending,
        status: 'failed',
        error: { code: error.code, message, details: error.details, conflict },
      };
      await save(replace(action.id, () => failed));
      if (conflict) options.onConflict?.(failed as unknown as QueuedAction<Kinds>, message);
      return 'blocked';
    }
  }

  /** One resource's actions, oldest first; a failed one holds the rest until retried or discarded. */
  async function drainLane(resource: string): Promise<boolean> {
    for (;;) {
      const head = list.find((action) => action.resource === resource);
      if (!head || head.status === 'failed') return true;
      if (!connectivity.isOnline()) return false;
      const outcome = await sendOne(head);
      if (outcome === 'wait') return false;
      if (outcome === 'blocked') return true;
    }
  }

  async function flushOnce() {
    await ready;
    clearTimeout(retryTimer);
    if (!connectivity.isOnline()) return;
    const lanes = [...new Set(list.map((action) => action.resource))];
    const finished = await Promise.all(lanes.map(drainLane));
    if (finished.every(Boolean)) {
      failures = 0;
      return;
    }
    // Something is still waiting: try again later, sooner when the network comes back.
    const ceiling = Math.min(maxRetryMs, initialRetryMs * 2 ** failures);
    failures += 1;
    if (!closed) retryTimer = setTimeout(() => void flush(), ceiling / 2 + random() * (ceiling / 2));
  }

  function flush(): Promise<void> {
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = flushOnce().finally(() => {
      flushing = undefined;
      if (again) {
        again = false;
        void flush();
      }
    });
    return flushing;
  }

  const unsubscribe = connectivity.subscribe((online) => {
    if (online) {
      failures = 0;
      void flush();
    }
  });

  /** Drops an action that never reached the server together with the one that undoes it. */
  async function annihilate(undone: AnyAction) {
    if (undone.status === 'pending') handlerOf(undone.kind).rollback?.(undone.params, undone);
    await save(list.filter((a) => a.id !== undone.id));
    // A refused one held its lane: what waited behind it may go now.
    void flush();
  }

  return {
    ready,
    async enqueue(kind, resource, params) {
      await ready;
      const handler = handlerOf(kind);
      const target = handler.undoes?.(params);
      if (target !== undefined) {
        const undone = list.find((a) => a.id === target);
        if (!undone || !unsent(undone)) return { outcome: 'too-late' };
        await annihilate(undone);
        return { outcome: 'annihilated', undone: undone as unknown as QueuedAction<Kinds> };
      }
      const action: QueuedActionOf<typeof kind, typeof params> = {
        id: options.newId(),
        kind,
        resource,
        params,
        createdAt: new Date().toISOString(),
        attempts: 0,
        status: 'pending',
      };
      handler.optimistic?.(params, action);
      await save([...list, action]);
      void flush();
      return { outcome: 'queued', action };
    },
    actions: typed,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
    async retry(id) {
      const action = list.find((a) => a.id === id);
      const handler = action && handlers[action.kind];
      if (!action || !handler) return;
      await save(replace(id, (a) => ({ ...a, status: 'pending', error: undefined })));
      handler.optimistic?.(action.params, action);
      await flush();
    },
    async discard(id) {
      const action = list.find((a) => a.id === id);
      if (!action) return;
      if (action.status === 'pending') handlers[action.kind]?.rollback?.(action.params, action);
      await save(list.filter((a) => a.id !== id));
      await flush();
    },
    async clear() {
      const given = list;
      await save([]);
      for (const action of given)
        if (action.status === 'pending') handlers[action.kind]?.rollback?.(action.params, action);
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      unsubscribe();
    },
  };
}
