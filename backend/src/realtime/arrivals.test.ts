import { describe, expect, it } from 'vitest';
import { arrivalOf, isNewerPosition } from './arrivals';

describe('arrivalOf', () => {
  it.each([
    // [last sent, seq, replays, arrival]
    [undefined, 1, true, 'new'],
    [undefined, 7, true, 'new'],
    [undefined, 7, false, 'new'],
    [3, 4, true, 'new'],
    [3, 4, false, 'new'],
    [3, 3, true, 'copy'],
    [3, 2, true, 'copy'],
    [3, 3, false, 'copy'],
    [3, 1, false, 'copy'],
    [3, 5, true, 'after-gap'],
    [3, 9, true, 'after-gap'],
    // A store's or rider's channel does not replay: what comes after a gap is simply sent.
    [3, 5, false, 'new'],
  ] as const)('after %s, seq %s (replays: %s) is %s', (lastSent, seq, replays, arrival) => {
    expect(arrivalOf(lastSent, seq, replays)).toBe(arrival);
  });
});

describe('isNewerPosition', () => {
  it('takes the first position, and later ones only when recorded after the last sent', () => {
    expect(isNewerPosition(undefined, '2026-12-01T10:00:00.000Z')).toBe(true);
    expect(isNewerPosition('2026-12-01T10:00:00.000Z', '2026-12-01T10:00:02.000Z')).toBe(true);
    expect(isNewerPosition('2026-12-01T10:00:02.000Z', '2026-12-01T10:00:02.000Z')).toBe(false);
    expect(isNewerPosition('2026-12-01T10:00:02.000Z', '2026-12-01T10:00:01.999Z')).toBe(false);
  });
});
