import { ApiError } from '../api/client';
import type { KeyValueStorage } from '../store/storage';
import type { Connectivity } from './connectivity';

export interface QueuedAction<P = unknown> {
  /** Also the action's Idempotency-Key: a repeat after a lost answer is the same action to the server. */
  id: string;
  kind: string;
  /** Actions on one resource go in the order they were made; different resources do not wait for each other. */
  resource: string;
  payload: P;
  /** When the user acted (the server keeps it as `occurred_at` where it matters). */
  createdAt: string;
  attempts: number;
  status: 'pending' | 'failed';
  error?: { code: string; message: string; details?: unknown; conflict: boolean };
}

export interface ActionHandler<P = never, R = unknown> {
  /** Sends the action; `idempotencyKey` makes sending it twice the same as once. */
  send(payload: P, idempotencyKey: string, action: QueuedAction<P>): Promise<R>;
  /** Shows the change at once, before the server has it (and again after a restart). */
  apply?(payload: P, action: QueuedAction<P>): void;
  /** Takes back what `apply` showed, after the server refused the action for good. */
  rollback?(payload: P, action: QueuedAction<P>): void;
  /** The server took it: replace the optimistic guess with its answer. */
  settle?(result: R, payload: P, action: QueuedAction<P>): void;
  /**
   * The server's state differs from what the user saw (409): adopt the server's version and say in
   * plain words what changed. Without it, the server's message is shown.
   */
  conflict?(error: ApiError, payload: P, action: QueuedAction<P>): string;
}

export interface ActionQueueOptions {
  storage: KeyValueStorage;
  handlers: Record<string, ActionHandler<never>>;
  connectivity: Connectivity;
  /** Storage key (one queue per signed-in app). */
  key?: string;
  newId: () => string;
  /** Told when an action met a conflict: the message is for the user. */
  onConflict?: (action: QueuedAction, message: string) => void;
  initialRetryMs?: number;
  maxRetryMs?: number;
  random?: () => number;
}

export interface ActionQueue {
  /** Resolves once the actions saved before a restart are back (and applied again). */
  ready: Promise<void>;
  /** Queues what the user just did, shows it at once, and sends it as soon as it can. */
  enqueue<P>(kind: string, resource: string, payload: P): Promise<QueuedAction<P>>;
  actions(): readonly QueuedAction[];
  subscribe(listener: (actions: readonly QueuedAction[]) => void): () => void;
  /** Sends what can be sent now; resolves when every lane is done or waiting. */
  flush(): Promise<void>;
  /** A failed action, tried again as it was (same key). */
  retry(id: string): Promise<void>;
  /** A failed or waiting action, given up: what it showed is taken back. */
  discard(id: string): Promise<void>;
  close(): void;
}

const CONFLICTS = new Set(['CONFLICT', 'PRICE_CHANGED', 'OUT_OF_STOCK', 'INVALID_TRANSITION', 'STORE_CLOSED']);

/** Worth trying again later: no answer, the server busy or restarting, or a session being renewed. */
const isTransient = (error: unknown) =>
  !(error instanceof ApiError) || error.transient || error.code === 'UNAUTHENTICATED';

/**
 * The offline-first queue of what the user did: saved before anything is sent, shown at once,
 * sent in order per resource when there is a network, with backoff while there is none.
 */
export function createActionQueue(options: ActionQueueOptions): ActionQueue {
  const {
    storage,
    handlers,
    connectivity,
    key = 'kupwara.actions',
    initialRetryMs = 1000,
    maxRetryMs = 60_000,
  } = options;
  const random = options.random ?? Math.random;
  let list: QueuedAction[] = [];
  const listeners = new Set<(actions: readonly QueuedAction[]) => void>();
  let flushing: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const handlerOf = (action: QueuedAction) => {
    const handler = handlers[action.kind] as ActionHandler<unknown> | undefined;
    if (!handler) throw new Error(`no handler for queued action "${action.kind}"`);
    return handler;
  };

  // Every change is saved before it is announced: what the user sees is what survives a restart.
  let saving = Promise.resolve();
  async function save(next: QueuedAction[]) {
    list = next;
    const snapshot = JSON.stringify(next);
    saving = saving.then(() => storage.setItem(key, snapshot));
    await saving;
    for (const listener of listeners) listener(list);
  }

  const ready = (async () => {
    const saved = await storage.getItem(key);
    list = saved ? (JSON.parse(saved) as QueuedAction[]) : [];
    for (const action of list) if (action.status === 'pending') handlerOf(action).apply?.(action.payload, action);
    for (const listener of listeners) listener(list);
  })();

  async function sendOne(action: QueuedAction): Promise<'done' | 'wait' | 'blocked'> {
    const handler = handlerOf(action);
    try {
      const result = await handler.send(action.payload as never, action.id, action);
      handler.settle?.(result, action.payload, action);
      await save(list.filter((a) => a.id !== action.id));
      return 'done';
    } catch (caught) {
      if (isTransient(caught)) {
        await save(list.map((a) => (a.id === action.id ? { ...a, attempts: a.attempts + 1 } : a)));
        return 'wait';
      }
      const error = caught as ApiError;
      const conflict = error.status === 409 || CONFLICTS.has(error.code);
      handler.rollback?.(action.payload, action);
      const message = conflict && handler.conflict ? handler.conflict(error, action.payload, action) : error.message;
      const failed: QueuedAction = {
        ...action,
        attempts: action.attempts + 1,
        status: 'failed',
        error: { code: error.code, message, details: error.details, conflict },
      };
      await save(list.map((a) => (a.id === action.id ? failed : a)));
      if (conflict) options.onConflict?.(failed, message);
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

  return {
    ready,
    async enqueue(kind, resource, payload) {
      await ready;
      const action: QueuedAction<typeof payload> = {
        id: options.newId(),
        kind,
        resource,
        payload,
        createdAt: new Date().toISOString(),
        attempts: 0,
        status: 'pending',
      };
      handlerOf(action).apply?.(payload, action);
      await save([...list, action]);
      void flush();
      return action;
    },
    actions: () => list,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
    async retry(id) {
      await save(list.map((a) => (a.id === id ? { ...a, status: 'pending', error: undefined } : a)));
      const action = list.find((a) => a.id === id);
      if (action) handlerOf(action).apply?.(action.payload, action);
      await flush();
    },
    async discard(id) {
      const action = list.find((a) => a.id === id);
      if (!action) return;
      if (action.status === 'pending') handlerOf(action).rollback?.(action.payload, action);
      await save(list.filter((a) => a.id !== id));
      await flush();
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      unsubscribe();
    },
  };
}
