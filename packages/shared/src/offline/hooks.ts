import { useSyncExternalStore } from 'react';
import type { ActionQueue } from './action-queue';
import type { Connectivity } from './connectivity';
import type { ActionKindsOf, QueuedAction } from './queued-action';

/** Whether the phone is online now (re-renders when it changes). */
export function useOnline(connectivity: Connectivity): boolean {
  return useSyncExternalStore(connectivity.subscribe, connectivity.isOnline);
}

/** The actions still waiting or failed, for the offline banner and the "not sent yet" list. */
export function useQueuedActions<Kinds extends ActionKindsOf<Kinds>>(
  queue: ActionQueue<Kinds>,
): readonly QueuedAction<Kinds>[] {
  return useSyncExternalStore(queue.subscribe, queue.actions);
}
