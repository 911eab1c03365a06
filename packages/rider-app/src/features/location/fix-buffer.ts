import type { PositionPoint } from '@kupwara/shared';
import type { KeyValueStorage, LocalStore, LocalStoreDeps } from '@kupwara/shared/client';

/**
 * The most fixes kept waiting. 5,000 is about 5½ hours of delivering (a fix every 4 s) or two days
 * idle, and about 550 KB of JSON: well inside what AsyncStorage (6 MB on Android) and a browser's
 * localStorage (5 MB) hold, and quick to write again at each fix.
 */
export const MAX_WAITING = 5000;

/** The storage name of the waiting fixes (the background task writes there when the app is closed). */
export const FIXES_STORE = 'location-fixes';

export interface FixBuffer extends LocalStore {
  /** Keeps a fix until the server has answered for it. */
  add(fixes: readonly PositionPoint[]): void;
  /** The oldest fixes, at most `limit`, oldest first. */
  oldest(limit: number): readonly PositionPoint[];
  /** Forgets these fixes (the server answered for them); those taken meanwhile stay. */
  remove(answered: readonly PositionPoint[]): void;
  count(): number;
  subscribe(listener: () => void): () => void;
  /** Resolves once what is held is on the phone's storage. */
  saved(): Promise<void>;
}

const byTime = (a: PositionPoint, b: PositionPoint) => Date.parse(a.recorded_at) - Date.parse(b.recorded_at);

/**
 * Over the cap, every second fix of the older half goes: the trail keeps its whole span and all of
 * its newest part, and loses detail only where it is oldest (the server judges each fix against the
 * one before, so a sparser old trail is still believable).
 */
export function thin(fixes: readonly PositionPoint[], cap = MAX_WAITING): PositionPoint[] {
  let kept = [...fixes];
  while (kept.length > cap) {
    const half = Math.floor(kept.length / 2);
    kept = [...kept.slice(0, half).filter((_, index) => index % 2 === 0), ...kept.slice(half)];
  }
  return kept;
}

async function readFixes(storage: KeyValueStorage, key: string): Promise<PositionPoint[]> {
  try {
    const saved = JSON.parse((await storage.getItem(key)) ?? '[]');
    return Array.isArray(saved) ? saved : [];
  } catch {
    // A half-written value: what is in memory is written over it at the next fix.
    return [];
  }
}

/** Adds fixes straight to the stored buffer: the background task's way in when the app is not running. */
export async function appendStoredFixes(storage: KeyValueStorage, key: string, fixes: readonly PositionPoint[]) {
  const saved = await readFixes(storage, key);
  await storage.setItem(key, JSON.stringify(thin([...saved, ...fixes].sort(byTime))));
}

/**
 * The rider's fixes not yet answered for by the server, kept on the phone so a restart or a day in
 * a basement loses none. Every change is written through (the newest state wins; writes never overlap).
 */
export function createFixBuffer({ storage, key }: LocalStoreDeps): FixBuffer {
  const storageKey = key(FIXES_STORE);
  const listeners = new Set<() => void>();
  let fixes: PositionPoint[] = [];
  let writing: Promise<void> = Promise.resolve();
  let pending = false;

  const changed = () => {
    for (const listener of listeners) listener();
    if (pending) return;
    pending = true;
    writing = writing.then(async () => {
      pending = false;
      try {
        if (fixes.length === 0) await storage.removeItem(storageKey);
        else await storage.setItem(storageKey, JSON.stringify(fixes));
      } catch {
        // The phone's storage is full or gone: the fixes still go from memory.
      }
    });
  };

  return {
    async load() {
      const saved = await readFixes(storage, storageKey);
      // Fixes taken while the storage was being read join those saved before.
      fixes = thin([...saved, ...fixes].sort(byTime));
      changed();
    },
    clear() {
      fixes = [];
      changed();
    },
    add(added) {
      fixes = thin([...fixes, ...added].sort(byTime));
      changed();
    },
    oldest(limit) {
      return fixes.slice(0, limit);
    },
    remove(answered) {
      const gone = new Set(answered);
      fixes = fixes.filter((fix) => !gone.has(fix));
      changed();
    },
    count: () => fixes.length,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    saved: () => writing,
  };
}
