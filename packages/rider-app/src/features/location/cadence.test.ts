import { cadenceFor } from './cadence';

describe('how often the rider’s phone takes a fix', () => {
  it('takes none while the rider is offline, even with an order on them', () => {
    expect(cadenceFor({ online: false, deliveries: 0 })).toBeNull();
    expect(cadenceFor({ online: false, deliveries: 1 })).toBeNull();
  });

  it('takes one every 45 s, without the GPS, even standing still, while online with nothing to carry', () => {
    expect(cadenceFor({ online: true, deliveries: 0 })).toEqual({
      accuracy: 'balanced',
      timeInterval: 45_000,
      distanceInterval: 0,
    });
  });

  it('takes one every 4 s or 10 m from the GPS while carrying an order, one or several', () => {
    const delivering = { accuracy: 'high', timeInterval: 4000, distanceInterval: 10 };
    expect(cadenceFor({ online: true, deliveries: 1 })).toEqual(delivering);
    expect(cadenceFor({ online: true, deliveries: 3 })).toEqual(delivering);
  });
});
