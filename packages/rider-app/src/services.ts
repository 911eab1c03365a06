import { createAppServices } from '@kupwara/shared/app';
import { createFixBuffer } from './features/location/fix-buffer';

/**
 * The rider app's services. Each part of the app declares the actions it queues (sent once, in
 * order, when the network is back) through `AppActionKinds` and adds its handlers here; a delivery's
 * steps are the shared `transitionOrder`.
 */
export function createRiderServices() {
  return createAppServices('rider', {
    stores: (deps) => ({
      fixes: createFixBuffer(deps),
    }),
    actions: () => ({}),
  });
}

export type RiderServices = ReturnType<typeof createRiderServices>;
