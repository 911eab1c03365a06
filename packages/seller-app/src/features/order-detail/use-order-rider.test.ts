import type { TrackingPosition } from '@kupwara/shared';
import { type OrderRider, withLive } from './use-order-rider';

const rider: OrderRider = {
  id: '01900000-0000-7000-8000-0000000000c1',
  name: 'Bilal Mir',
  phone: '+919419100009',
  vehicle_type: 'scooter',
  approach: { distance_m: 1040, eta_seconds: 208, arrived: false, recorded_at: '2026-12-01T10:00:00.000Z' },
};
const live = (over: Partial<TrackingPosition>): TrackingPosition => ({
  order_id: '01900000-0000-7000-8000-000000000001',
  rider_id: rider.id,
  lat: 34.5,
  lng: 74.2,
  accuracy_m: null,
  heading: null,
  speed_mps: null,
  recorded_at: '2026-12-01T10:00:10.000Z',
  toward: 'store',
  distance_m: 40,
  eta_seconds: 8,
  ...over,
});

describe('the rider as the shop sees them, moved on by live positions', () => {
  it('takes a newer position from the channel, arrived within the radius', () => {
    expect(withLive(rider, live({}))).toEqual({
      ...rider,
      approach: { distance_m: 40, eta_seconds: 0, arrived: true, recorded_at: '2026-12-01T10:00:10.000Z' },
    });
  });

  it('keeps what it read when the position is older, of another rider, or none', () => {
    expect(withLive(rider, live({ recorded_at: '2026-12-01T09:59:00.000Z' }))).toBe(rider);
    expect(withLive(rider, live({ rider_id: '01900000-0000-7000-8000-0000000000c2' }))).toBe(rider);
    expect(withLive(rider, null)).toBe(rider);
  });

  it('has no approach once the rider rides to the customer', () => {
    expect(withLive(rider, live({ toward: 'customer' })).approach).toBeNull();
  });
});
