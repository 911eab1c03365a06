import { useQuery } from '@tanstack/react-query';
import type { CategoryTree } from '../contract/catalog';
import { useServices } from '../providers';

export const categoryKeys = { all: () => ['categories'] as const };

/** The category tree (kinds of shop and their shelves): it changes rarely, so a day's cache. */
export function useCategories() {
  const { api } = useServices();
  return useQuery({
    queryKey: categoryKeys.all(),
    staleTime: 24 * 3600_000,
    queryFn: ({ signal }) => api.call('categories', { signal }),
  });
}

/** Every node of the tree by id, shelves and their parents alike. */
export const categoriesById = (tree: CategoryTree | undefined) =>
  new Map((tree?.items ?? []).flatMap((node) => [node, ...node.children]).map((node) => [node.id, node] as const));
