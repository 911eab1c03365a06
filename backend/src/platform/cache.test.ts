import { describe, expect, it } from 'vitest';
import { bothImplementations } from '../../test/implementations';
import { createMemoryCache, createRedisCache, keyDigest } from './cache';

const kinds = bothImplementations(
  () => createMemoryCache(),
  (client, prefix) => createRedisCache(client, prefix),
);

describe.each(kinds)('$name cache', ({ enabled, make }) => {
  it.runIf(enabled)('misses, then returns what was set, then misses after del', async () => {
    const cache = make();
    expect(await cache.get('stores:34.53:74.25')).toBeUndefined();
    await cache.set('stores:34.53:74.25', [{ id: 'a', name: 'Lone Bakers', distance_m: 120 }], 60);
    expect(await cache.get('stores:34.53:74.25')).toEqual([{ id: 'a', name: 'Lone Bakers', distance_m: 120 }]);
    await cache.del('stores:34.53:74.25', 'never-set');
    expect(await cache.get('stores:34.53:74.25')).toBeUndefined();
  });

  it.runIf(enabled)('keeps falsy values apart from misses', async () => {
    const cache = make();
    await cache.set('zero', 0, 60);
    await cache.set('null', null, 60);
    await cache.set('empty', '', 60);
    expect([await cache.get('zero'), await cache.get('null'), await cache.get('empty')]).toEqual([0, null, '']);
  });

  it.runIf(enabled)('forgets a value after its time to live', async () => {
    const cache = make();
    await cache.set('short', 'lived', 0.05);
    expect(await cache.get('short')).toBe('lived');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await cache.get('short')).toBeUndefined();
  });

  it.runIf(enabled)('hands out copies: mutating a value read does not change the cache', async () => {
    const cache = make();
    await cache.set('tree', { children: ['dairy'] }, 60);
    const read = await cache.get<{ children: string[] }>('tree');
    read?.children.push('meat');
    expect(await cache.get('tree')).toEqual({ children: ['dairy'] });
  });
});

describe('keyDigest', () => {
  it('gives equal queries one short key and different queries different keys', () => {
    const query = { lat: 34.5297, lng: 74.2543, radius_km: 5 };
    expect(keyDigest(query)).toBe(keyDigest({ lat: 34.5297, lng: 74.2543, radius_km: 5 }));
    expect(keyDigest(query)).toMatch(/^[\w-]{22}$/);
    expect(keyDigest({ ...query, radius_km: 6 })).not.toBe(keyDigest(query));
    expect(keyDigest({ ...query, category: 'dairy' })).not.toBe(keyDigest(query));
  });
});
