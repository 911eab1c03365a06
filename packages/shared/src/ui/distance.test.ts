import { describe, expect, it } from 'vitest';
import { formatDistance } from './distance';

describe('a distance in words', () => {
  it('is whole metres under a kilometre', () => {
    expect(formatDistance(0)).toBe('0 m');
    expect(formatDistance(42.4)).toBe('42 m');
    expect(formatDistance(850)).toBe('850 m');
    expect(formatDistance(999.4)).toBe('999 m');
  });

  it('is kilometres with one decimal from a kilometre, rounding up into them', () => {
    expect(formatDistance(999.6)).toBe('1.0 km');
    expect(formatDistance(1000)).toBe('1.0 km');
    expect(formatDistance(1234)).toBe('1.2 km');
    expect(formatDistance(2450)).toBe('2.5 km');
    expect(formatDistance(9940)).toBe('9.9 km');
  });

  it('is whole kilometres from ten', () => {
    expect(formatDistance(9960)).toBe('10 km');
    expect(formatDistance(12_400)).toBe('12 km');
  });

  it('refuses what is not a distance', () => {
    expect(() => formatDistance(-1)).toThrow(RangeError);
    expect(() => formatDistance(Number.NaN)).toThrow(RangeError);
  });
});
