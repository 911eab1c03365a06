import type { PositionPoint } from '@kupwara/shared';
import { memoryStorage } from '@kupwara/shared/client';
import { appendStoredFixes, createFixBuffer, MAX_WAITING, thin } from './fix-buffer';

const START = Date.parse('2026-12-02T08:00:00.000Z');
/** The n-th fix of a ride north, one every 4 s. */
const fix = (n: number): PositionPoint => ({
  lat: 34.5297 + n * 0.0001,
  lng: 74.2543,
  recorded_at: new Date(START + n * 4000).toISOString(),
});
const fixes = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => fix(from + i));
const deps = (storage = memoryStorage()) => ({ storage, key: (name: string) => `kupwara.rider.${name}` });

describe('the fixes waiting to be sent', () => {
  it('are on the phone’s storage, and a restarted app has them all back, oldest first', async () => {
    const storage = memoryStorage();
    const before = createFixBuffer(deps(storage));
    await before.load();
    before.add([fix(2)]);
    before.add([fix(0), fix(1)]);
    await before.saved();

    const after = createFixBuffer(deps(storage));
    after.add([fix(3)]);
    await after.load();
    expect(after.count()).toBe(4);
    expect(after.oldest(10)).toEqual(fixes(0, 4));
    expect(after.oldest(2)).toEqual(fixes(0, 2));
  });

  it('forget only the fixes the server answered for, not those taken while they were on their way', async () => {
    const storage = memoryStorage();
    const buffer = createFixBuffer(deps(storage));
    await buffer.load();
    buffer.add(fixes(0, 3));
    const sent = buffer.oldest(500);
    buffer.add([fix(3)]);
    buffer.remove(sent);
    expect(buffer.oldest(500)).toEqual([fix(3)]);
    await buffer.saved();
    expect(JSON.parse(storage.entries.get('kupwara.rider.location-fixes') ?? '')).toEqual([fix(3)]);
  });

  it('say when their number changes, and leave nothing on the phone once cleared at sign-out', async () => {
    const storage = memoryStorage();
    const buffer = createFixBuffer(deps(storage));
    const counts: number[] = [];
    buffer.subscribe(() => counts.push(buffer.count()));
    buffer.add(fixes(0, 2));
    buffer.clear();
    await buffer.saved();
    expect(counts).toEqual([2, 0]);
    expect(storage.entries.has('kupwara.rider.location-fixes')).toBe(false);
  });

  it('past 5,000, lose every second fix of the older half and keep the newest half whole', async () => {
    const buffer = createFixBuffer(deps());
    buffer.add(fixes(0, MAX_WAITING));
    expect(buffer.count()).toBe(MAX_WAITING);
    buffer.add([fix(MAX_WAITING)]);
    const kept = buffer.oldest(MAX_WAITING);
    // 5,001 fixes: the older 2,500 become 1,250 (0, 2, 4, …), the newer 2,501 all stay.
    expect(kept).toHaveLength(1250 + 2501);
    expect(kept.slice(0, 3)).toEqual([fix(0), fix(2), fix(4)]);
    expect(kept.slice(1250)).toEqual(fixes(2500, MAX_WAITING + 1));
  });

  it('thin as often as needed to fit, the first fix and the newest always kept', () => {
    const kept = thin(fixes(0, 40), 10);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept[0]).toEqual(fix(0));
    expect(kept.at(-1)).toEqual(fix(39));
    expect(thin(fixes(0, 10), 10)).toEqual(fixes(0, 10));
  });

  it('take in what the background task wrote while the app was closed', async () => {
    const storage = memoryStorage();
    await appendStoredFixes(storage, 'kupwara.rider.location-fixes', [fix(1)]);
    await appendStoredFixes(storage, 'kupwara.rider.location-fixes', [fix(0)]);
    const buffer = createFixBuffer(deps(storage));
    await buffer.load();
    expect(buffer.oldest(10)).toEqual([fix(0), fix(1)]);
  });
});
