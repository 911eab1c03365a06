import type { CategoryTree } from '@kupwara/shared';
import { asc } from 'drizzle-orm';
import { type Cache, remember } from '../platform/cache';
import type { Db } from '../platform/db';
import { categories } from './tables';

/** The two-level category tree. It changes only with a migration, so it is cached for an hour. */
export function categoryTree(db: Db, cache: Cache): Promise<CategoryTree> {
  return remember(cache, 'categories', 3600, async () => {
    const rows = await db.select().from(categories).orderBy(asc(categories.position), asc(categories.name));
    const top = rows.filter((row) => row.parentId === null);
    return {
      items: top.map((parent) => ({
        id: parent.id,
        slug: parent.slug,
        name: parent.name,
        children: rows
          .filter((row) => row.parentId === parent.id)
          .map((child) => ({ id: child.id, slug: child.slug, name: child.name })),
      })),
    };
  });
}
