import type { Product } from '@kupwara/shared';
import {
  type ActionKind,
  type ApiClient,
  ApiError,
  createActionQueue,
  manualConnectivity,
  memoryStorage,
} from '@kupwara/shared/client';
import {
  failedEdits,
  type ProductEdit,
  productConflicts,
  productEditHandler,
  productResource,
  withPendingEdits,
} from './product-edits';

const product = (over: Partial<Product> = {}): Product => ({
  id: '01900000-0000-7000-8000-0000000000b1',
  store_id: '01900000-0000-7000-8000-0000000000a1',
  category_id: null,
  name: 'Kahwa Tea',
  description: '',
  price_paise: 25_000,
  mrp_paise: 25_000,
  unit: '250 g',
  stock: 10,
  is_available: true,
  is_visible: true,
  images: [],
  version: 1,
  updated_at: '2026-12-01T10:00:00.000Z',
  ...over,
});
const RICE = product({ id: '01900000-0000-7000-8000-0000000000b2', name: 'Basmati Rice', price_paise: 12_000 });
const TEA = product();

const action = (
  id: string,
  params: ProductEdit,
  status: 'pending' | 'failed' = 'pending',
  error?: { code: string; message: string; conflict: boolean; details?: unknown },
) => ({
  id,
  kind: 'editProduct',
  status,
  params,
  ...(error ? { error } : {}),
});

describe('the list with the seller’s waiting edits', () => {
  it('shows every pending edit on top of the server’s product, oldest first, and names them', () => {
    const shown = withPendingEdits(
      [TEA, RICE],
      [
        action('a', { product: TEA, changes: { is_available: false } }),
        action('b', { product: TEA, changes: { stock: 11 } }),
        action('c', { product: TEA, changes: { stock: 12 } }),
        // Refused: not applied, the server's version shows.
        action('d', { product: RICE, changes: { stock: 0 } }, 'failed'),
        { id: 'e', kind: 'transitionOrder', status: 'pending', params: {} },
      ],
    );
    expect(shown.products.map((p) => [p.name, p.stock, p.is_available])).toEqual([
      ['Kahwa Tea', 12, false],
      ['Basmati Rice', 10, true],
    ]);
    expect([...shown.pending]).toEqual([TEA.id]);
  });

  it('is the server’s list itself when nothing waits', () => {
    const list = [TEA];
    expect(withPendingEdits(list, []).products).toBe(list);
  });
});

describe('a refused edit', () => {
  it('that is not a conflict of versions is named with the server’s reason, to retry or give up', () => {
    expect(
      failedEdits([
        action('a', { product: TEA, changes: { price_paise: 99_000 } }, 'failed', {
          code: 'VALIDATION_FAILED',
          message: 'must be at least the price',
          conflict: false,
        }),
        action('b', { product: RICE, changes: { stock: 1 } }, 'failed', {
          code: 'CONFLICT',
          message: 'changed',
          conflict: true,
          details: { current: RICE },
        }),
        action('c', { product: RICE, changes: { stock: 2 } }),
      ]),
    ).toEqual([{ actionId: 'a', name: 'Kahwa Tea', message: 'must be at least the price' }]);
  });

  it('shows the server’s version beside the seller’s, naming the fields that differ', () => {
    const theirs = product({ version: 3, stock: 4, price_paise: 26_000, mrp_paise: 26_000 });
    const conflicts = productConflicts([
      action('a', { product: TEA, changes: { stock: 11, price_paise: 26_000 } }, 'failed', {
        code: 'CONFLICT',
        message: 'changed',
        conflict: true,
        details: { current: theirs },
      }),
      // Refused for another reason: not a conflict of versions.
      action('b', { product: RICE, changes: { stock: 1 } }, 'failed', {
        code: 'VALIDATION_FAILED',
        message: 'no',
        conflict: false,
      }),
    ]);
    expect(conflicts).toEqual([
      {
        actionId: 'a',
        theirs,
        mine: { ...theirs, stock: 11 },
        differs: ['stock'],
        changes: { stock: 11, price_paise: 26_000 },
      },
    ]);
  });
});

/** Until the queue has nothing more it can send now (a flush asked for while one runs follows it). */
async function drain(queue: { flush(): Promise<void> }) {
  await queue.flush();
  await queue.flush();
}

type Kinds = { editProduct: ActionKind<ProductEdit, Product> };

/** The queue as the app makes it, with a server the test plays: products by id, each edit checked against its version. */
function kit() {
  const onServer = new Map([[TEA.id, TEA]]);
  const sent: { key: string; version: number; body: object }[] = [];
  const seen = new Set<string>();
  const api = {
    call: async (
      name: string,
      input: { params: { id: string }; body: { version: number }; idempotencyKey: string },
    ) => {
      expect(name).toBe('updateProduct');
      const current = onServer.get(input.params.id);
      if (!current) throw new ApiError(404, 'NOT_FOUND', 'Product not found');
      sent.push({ key: input.idempotencyKey, version: input.body.version, body: input.body });
      if (seen.has(input.idempotencyKey)) throw new Error(`sent twice: ${input.idempotencyKey}`);
      if (current.version !== input.body.version)
        throw new ApiError(409, 'CONFLICT', 'This product was changed since you saw it', { current });
      seen.add(input.idempotencyKey);
      const { version: _, ...changes } = input.body;
      const next = { ...current, ...changes, version: current.version + 1 };
      onServer.set(current.id, next);
      return next;
    },
  } as unknown as ApiClient;
  const shown: Product[] = [];
  const connectivity = manualConnectivity(false);
  let ids = 0;
  const queue = createActionQueue<Kinds>({
    storage: memoryStorage(),
    connectivity,
    newId: () => `edit-${++ids}`,
    handlers: {
      editProduct: productEditHandler({
        api,
        showServerProduct: (p) => shown.push(p),
        conflictMessage: (p) => `${p.name} changed`,
      }),
    },
  });
  const edit = (seenAs: Product, changes: ProductEdit['changes']) =>
    queue.enqueue('editProduct', productResource(seenAs.id), { product: seenAs, changes });
  return { onServer, sent, shown, connectivity, queue, edit };
}

describe('edits made offline', () => {
  it('go in the order they were made, each once, the later ones on the version the earlier left', async () => {
    const { onServer, sent, connectivity, queue, edit } = kit();
    await edit(TEA, { is_available: false });
    await edit(TEA, { stock: 11 });
    await edit(TEA, { stock: 12 });
    expect(sent).toEqual([]);
    connectivity.set(true);
    await drain(queue);
    expect(sent).toEqual([
      { key: 'edit-1', version: 1, body: { is_available: false, version: 1 } },
      { key: 'edit-2', version: 2, body: { stock: 11, version: 2 } },
      { key: 'edit-3', version: 3, body: { stock: 12, version: 3 } },
    ]);
    expect(onServer.get(TEA.id)).toMatchObject({ version: 4, stock: 12, is_available: false });
    expect(queue.actions()).toEqual([]);
    queue.close();
  });

  it('meeting another device’s change, wait with both versions; applied again, go on the server’s version', async () => {
    const { onServer, sent, shown, connectivity, queue, edit } = kit();
    await edit(TEA, { stock: 11 });
    // Meanwhile, the counter's laptop counted the shelf.
    const counted = { ...TEA, stock: 4, version: 2 };
    onServer.set(TEA.id, counted);
    connectivity.set(true);
    await drain(queue);
    const [conflict] = productConflicts(queue.actions());
    expect(conflict).toMatchObject({ theirs: counted, mine: { ...counted, stock: 11 }, differs: ['stock'] });
    // The list shows the server's version at once.
    expect(shown).toEqual([counted]);
    if (!conflict) throw new Error('no conflict');
    // "Apply mine again", as the screen does it: a new edit of the server's version.
    await queue.discard(conflict.actionId);
    await edit(conflict.theirs, conflict.changes);
    await drain(queue);
    expect(sent.map((s) => [s.key, s.version])).toEqual([
      ['edit-1', 1],
      ['edit-2', 2],
    ]);
    expect(onServer.get(TEA.id)).toMatchObject({ version: 3, stock: 11 });
    expect(queue.actions()).toEqual([]);
    queue.close();
  });
});
