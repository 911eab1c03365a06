import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../platform/cache';
import { createPresence, isConnected } from './presence';

describe('presence', () => {
  it('holds while any socket of the person is open, on this process or another', async () => {
    const cache = createMemoryCache();
    const here = createPresence(cache, 60);
    const there = createPresence(cache, 60);
    expect(await isConnected(cache, 'rider-1')).toBe(false);

    await here.seen('rider-1', 'phone');
    await here.seen('rider-1', 'browser');
    await here.gone('rider-1', 'browser');
    expect(await isConnected(cache, 'rider-1')).toBe(true);

    await there.seen('rider-1', 'tablet');
    await here.gone('rider-1', 'phone');
    expect(await isConnected(cache, 'rider-1')).toBe(true);

    await there.gone('rider-1', 'tablet');
    expect(await isConnected(cache, 'rider-1')).toBe(false);
    expect(await isConnected(cache, 'rider-2')).toBe(false);
  });

  it('lapses by itself when no heartbeat refreshes it', async () => {
    const cache = createMemoryCache();
    await createPresence(cache, 0.001).seen('rider-1', 'phone');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await isConnected(cache, 'rider-1')).toBe(false);
  });
});
