import type { Product } from '@kupwara/shared';

export interface Shelf {
  id: string;
  name: string;
}

/** The shelves the shop's products are on, by name: the chips above the list. */
export function shelvesOf(products: readonly Product[], names: ReadonlyMap<string, { name: string }>): Shelf[] {
  const found = new Map<string, Shelf>();
  for (const product of products) {
    const id = product.category_id;
    const node = id ? names.get(id) : undefined;
    if (id && node && !found.has(id)) found.set(id, { id, name: node.name });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The products on `shelf` (all when none is chosen) whose name has every word of `search`, in any case. */
export function filterProducts(
  products: readonly Product[],
  search: string,
  shelf: string | undefined,
): readonly Product[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 && !shelf) return products;
  return products.filter((product) => {
    if (shelf && product.category_id !== shelf) return false;
    const name = product.name.toLowerCase();
    return words.every((word) => name.includes(word));
  });
}
