import { describe, expect, it } from 'vitest';
import { metresBetween } from './distance';

describe('metresBetween', () => {
  it('measures a degree of latitude as about 111 km and a point to itself as 0', () => {
    expect(metresBetween({ lat: 34, lng: 74 }, { lat: 35, lng: 74 })).toBeCloseTo(111_195, -1);
    expect(metresBetween({ lat: 34.5, lng: 74.2 }, { lat: 34.5, lng: 74.2 })).toBe(0);
  });

  it('is symmetric and shrinks east–west distances towards the poles', () => {
    const a = { lat: 34.5297, lng: 74.2543 };
    const b = { lat: 34.54, lng: 74.27 };
    expect(metresBetween(a, b)).toBeCloseTo(metresBetween(b, a), 6);
    expect(metresBetween({ lat: 60, lng: 0 }, { lat: 60, lng: 1 })).toBeCloseTo(
      metresBetween({ lat: 0, lng: 0 }, { lat: 0, lng: 1 }) / 2,
      -2,
    );
  });
});
