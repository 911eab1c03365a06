import { describe, expect, it } from 'vitest';
import {
  ARRIVED_AT_SHOP_M,
  approachToShop,
  cashToCollect,
  deliveryEtaMinutes,
  deliveryFeePaise,
  riderEarningPaise,
} from './delivery-estimate';

describe('deliveryFeePaise', () => {
  it.each([
    [0, 1_500],
    [700, 1_500], // 0.91 km of road: inside the first kilometre
    [800, 1_800], // 1.04 km: one started half kilometre more
    [1_000, 1_800], // 1.3 km
    [2_000, 2_700], // 2.6 km: four started half kilometres beyond the first
    [5_000, 4_800], // 6.5 km
  ])('%d m → %d paise', (distance, fee) => {
    expect(deliveryFeePaise(distance)).toBe(fee);
  });
});

describe('deliveryEtaMinutes', () => {
  it.each([
    [0, 15],
    [1_000, 20], // 15 + 4.3 min of riding
    [3_000, 30], // 15 + 13 min
    [10_000, 60], // 15 + 43.3 min
  ])('%d m → %d min', (distance, minutes) => {
    expect(deliveryEtaMinutes(distance)).toBe(minutes);
  });

  it('adds a longer preparation', () => {
    expect(deliveryEtaMinutes(1_000, 40)).toBe(45);
  });
});

describe('riderEarningPaise', () => {
  it('pays the base at the shop door and ₹8 per road km, by the started 100 m', () => {
    expect(riderEarningPaise(0)).toBe(2_000);
    // 1 km straight is 1.3 km of road: 13 × ₹0.80.
    expect(riderEarningPaise(1000)).toBe(2_000 + 13 * 80);
    expect(riderEarningPaise(1001)).toBe(2_000 + 14 * 80);
  });
});

describe('approachToShop', () => {
  const at = '2026-12-01T10:00:00.000Z';
  it('gives the way left to the shop, arrived only within the radius', () => {
    expect(approachToShop({ toward: 'store', distance_m: 1040, eta_seconds: 208, recorded_at: at })).toEqual({
      distance_m: 1040,
      eta_seconds: 208,
      arrived: false,
      recorded_at: at,
    });
    expect(
      approachToShop({ toward: 'store', distance_m: ARRIVED_AT_SHOP_M + 1, eta_seconds: 15, recorded_at: at }),
    ).toMatchObject({ arrived: false, eta_seconds: 15 });
    expect(
      approachToShop({ toward: 'store', distance_m: ARRIVED_AT_SHOP_M, eta_seconds: 15, recorded_at: at }),
    ).toMatchObject({ arrived: true, eta_seconds: 0 });
  });

  it('is nothing once the rider rides to the customer', () => {
    expect(approachToShop({ toward: 'customer', distance_m: 10, eta_seconds: 2, recorded_at: at })).toBeNull();
  });
});

describe('cashToCollect', () => {
  it('is the whole total for cash on delivery and nothing for an order paid already', () => {
    expect([cashToCollect('cash', 37_500), cashToCollect('upi', 37_500)]).toEqual([37_500, 0]);
  });
});
