import { useSyncExternalStore } from 'react';
import type { ActionQueue, QueuedAction } from './action-queue';
import type { Connectivity } from './connectivity';

/** Whether the phone is online now (re-renders when it changes). */
export function useOnline(connectivity: Connectivity): boolean {
  return useSyncExternalStore(connectivity.subscribe, connectivity.isOnline);
}

/** The actions still waiting or failed, for the offline banner and the "not sent yet" list. */
export function useQueuedActions(queue: ActionQueue): readonly QueuedAction[] {
  return useSyncExternalStore(queue.subscribe, queue.actions);
}
