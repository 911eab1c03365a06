import type { Product, UpdateProductRequest } from '@kupwara/shared';
import type { ApiClient, ApiError, QueuedActionOf } from '@kupwara/shared/client';

/** What a seller can change from the list or the editor (the version is the one they saw). */
export type ProductChanges = Omit<UpdateProductRequest, 'version'>;

/** One queued edit: the product as the seller saw it, and what they changed. */
export interface ProductEdit {
  product: Product;
  changes: ProductChanges;
}

export type ProductEditAction = QueuedActionOf<'editProduct', ProductEdit>;

/** Any action of the queue, as far as these functions read it. */
type QueueEntry = Pick<QueuedActionOf<string, unknown>, 'id' | 'kind' | 'status' | 'params' | 'error'>;

/** Edits of one product wait for each other: they go in the order they were made. */
export const productResource = (id: string) => `product:${id}`;

/** The product with the edit applied, as the seller means it to be. */
export const edited = (product: Product, changes: ProductChanges): Product => ({ ...product, ...changes });

/**
 * The list as the seller sees it: the server's products with every edit still waiting applied on
 * top, oldest first (optimistic with feedback: `pending` names the products not on the server yet).
 * A read from the server never hides an edit that has not gone out; a refused edit is not applied
 * (the server's version shows, and the conflict beside it).
 */
export function withPendingEdits(products: readonly Product[], actions: readonly QueueEntry[]) {
  const waiting = new Map<string, ProductChanges>();
  for (const action of actions) {
    if (action.kind !== 'editProduct' || action.status !== 'pending') continue;
    const { product, changes } = action.params as ProductEdit;
    waiting.set(product.id, { ...waiting.get(product.id), ...changes });
  }
  if (waiting.size === 0) return { products, pending: new Set<string>() };
  return {
    products: products.map((product) => {
      const changes = waiting.get(product.id);
      return changes ? edited(product, changes) : product;
    }),
    pending: new Set(waiting.keys()),
  };
}

/** A field of a product the seller can see differ between two versions. */
export type ProductField = keyof ProductChanges;
const fields: readonly ProductField[] = [
  'name',
  'category_id',
  'unit',
  'price_paise',
  'mrp_paise',
  'stock',
  'is_available',
  'is_visible',
  'description',
];

/** An edit the server refused because the product changed meanwhile: both versions, and where they differ. */
export interface ProductConflict {
  actionId: string;
  /** The server's product now, which the list shows. */
  theirs: Product;
  /** What the seller meant: the server's product with their changes on top. */
  mine: Product;
  /** The fields the seller changed whose value differs from the server's. */
  differs: ProductField[];
  changes: ProductChanges;
}

/** The conflicts among the queue's actions, oldest first. */
export function productConflicts(actions: readonly QueueEntry[]): ProductConflict[] {
  return actions.flatMap((action) => {
    if (action.kind !== 'editProduct' || action.status !== 'failed' || !action.error?.conflict) return [];
    const theirs = (action.error.details as { current?: Product } | undefined)?.current;
    if (!theirs) return [];
    const { changes } = action.params as ProductEdit;
    const mine = edited(theirs, changes);
    const differs = fields.filter((field) => field in changes && mine[field] !== theirs[field]);
    return [{ actionId: action.id, theirs, mine, differs, changes }];
  });
}

/** An edit the server refused for another reason (a price above the MRP…): what and why, to retry or give up. */
export interface FailedEdit {
  actionId: string;
  name: string;
  message: string;
}

/** The edits refused for good that are not conflicts of versions, oldest first. */
export function failedEdits(actions: readonly QueueEntry[]): FailedEdit[] {
  return actions.flatMap((action) => {
    if (action.kind !== 'editProduct' || action.status !== 'failed') return [];
    if (action.error?.conflict && (action.error.details as { current?: Product } | undefined)?.current) return [];
    const { product } = action.params as ProductEdit;
    return [{ actionId: action.id, name: product.name, message: action.error?.message ?? '' }];
  });
}

/** The request that sends an edit: only the changed fields, on the version given. */
export const editRequest = (changes: ProductChanges, version: number): UpdateProductRequest => ({
  ...changes,
  version,
});

export interface ProductEditDeps {
  api: ApiClient;
  /** The server took an edit, or refused it with the product as it is now: show the server's product. */
  showServerProduct(product: Product): void;
  conflictMessage(product: Product): string;
}

/**
 * How the queue sends an edit. Edits of one product made while earlier ones were waiting all saw
 * the same version; once the earlier one is on the server its answer's version is theirs too, so
 * the seller's own edits never conflict with each other. An edit that meets another device's change
 * is refused with the server's product (409), shown beside what was lost.
 */
export function productEditHandler({ api, showServerProduct, conflictMessage }: ProductEditDeps) {
  // Per product: the version the seller's queued edits saw, and the server's version after the last of them.
  const ownVersions = new Map<string, { seen: number; now: number }>();
  const versionFor = (product: Product) => {
    const own = ownVersions.get(product.id);
    return own && own.seen === product.version ? own.now : product.version;
  };
  return {
    send: ({ product, changes }: ProductEdit, idempotencyKey: string) =>
      api.call('updateProduct', {
        params: { id: product.id },
        body: editRequest(changes, versionFor(product)),
        idempotencyKey,
      }),
    settle: (result: Product, { product }: ProductEdit) => {
      ownVersions.set(product.id, { seen: product.version, now: result.version });
      showServerProduct(result);
    },
    conflict: (error: ApiError, { product }: ProductEdit) => {
      ownVersions.delete(product.id);
      const current = (error.details as { current?: Product } | undefined)?.current;
      if (current) showServerProduct(current);
      return conflictMessage(current ?? product);
    },
  };
}
