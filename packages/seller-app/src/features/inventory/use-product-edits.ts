import type { Product } from '@kupwara/shared';
import { useQueuedActions, useServices } from '@kupwara/shared/app';
import { useMemo } from 'react';
import {
  failedEdits,
  type ProductChanges,
  type ProductConflict,
  productConflicts,
  productResource,
  withPendingEdits,
} from './product-edits';

/**
 * The seller's edits of their products (optimistic with feedback): each goes through the action
 * queue, shows at once in the list marked as waiting, and is sent in order when there is a network.
 */
export function useProductEdits(serverProducts: readonly Product[]) {
  const { queue } = useServices();
  const actions = useQueuedActions(queue);
  const shown = useMemo(() => withPendingEdits(serverProducts, actions), [serverProducts, actions]);
  const conflicts = useMemo(() => productConflicts(actions), [actions]);
  const failed = useMemo(() => failedEdits(actions), [actions]);
  const edit = (product: Product, changes: ProductChanges) =>
    queue.enqueue('editProduct', productResource(product.id), { product, changes });
  return {
    products: shown.products,
    pending: shown.pending,
    conflicts,
    failed,
    edit,
    /** A refused edit sent again as it was (after the network or the server recovered). */
    retry: (actionId: string) => queue.retry(actionId),
    /** A refused edit given up: the server's version stays. */
    discard: (actionId: string) => queue.discard(actionId),
    /** The seller's change again, as a new edit of the server's version. */
    async applyMine(conflict: ProductConflict) {
      await queue.discard(conflict.actionId);
      await edit(conflict.theirs, conflict.changes);
    },
    /** The server's version stays (the list shows it already); the seller's change is dropped. */
    keepTheirs: (conflict: ProductConflict) => queue.discard(conflict.actionId),
  };
}
