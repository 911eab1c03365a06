import { describe, expect, it } from 'vitest';
import { activeExtraPrep, activePause } from './busy-mode';

const at = (iso: string) => Date.parse(iso);

describe('busy mode on the clock', () => {
  const busy = {
    paused_until: '2026-11-25T09:00:00.000Z',
    extra_prep_minutes: 15,
    extra_prep_until: '2026-11-25T08:00:00.000Z',
  };

  it('is on until its time and off from then', () => {
    expect(activePause(busy, at('2026-11-25T08:59:59Z'))).toBe(busy.paused_until);
    expect(activePause(busy, at('2026-11-25T09:00:00Z'))).toBeNull();
    expect(activeExtraPrep(busy, at('2026-11-25T07:59:00Z'))).toBe(15);
    expect(activeExtraPrep(busy, at('2026-11-25T08:00:00Z'))).toBe(0);
  });

  it('is off when nothing is set', () => {
    const calm = { paused_until: null, extra_prep_minutes: 0, extra_prep_until: null };
    expect(activePause(calm)).toBeNull();
    expect(activeExtraPrep(calm)).toBe(0);
  });
});
