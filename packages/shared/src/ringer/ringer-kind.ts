/** The device's bell for what needs an answer now (a new order, an offer): the speaker, and on phones the vibration motor. */
export interface Ringer {
  /** Rings, repeating, until `stop`. */
  start(): void;
  stop(): void;
  /**
   * Called from a touch: a browser lets a page play sound only after one. Rings at once if a ring
   * was waiting for it.
   */
  unlock(): void;
  /** Whether the device will not play sound until the person touches the page (web only). */
  readonly blocked: boolean;
  onBlocked(listener: (blocked: boolean) => void): () => void;
}

export function blockedState(initial: boolean) {
  let blocked = initial;
  const listeners = new Set<(blocked: boolean) => void>();
  return {
    get: () => blocked,
    set(next: boolean) {
      if (next === blocked) return;
      blocked = next;
      for (const listener of listeners) listener(next);
    },
    listen(listener: (blocked: boolean) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** What an app's bell plays: its own sound (a `require`d asset) and, on phones, its vibration pattern (repeated). */
export interface RingerSound {
  sound: number;
  /** Wait, buzz, wait, buzz … in milliseconds, as `Vibration.vibrate` takes it. */
  buzz: number[];
}
