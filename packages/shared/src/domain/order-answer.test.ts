import { describe, expect, it } from 'vitest';
import { deliveryEtaMinutes } from './delivery-estimate';
import { orderEstimate, prepChoices, suggestedPrepMinutes } from './order-answer';

describe('the preparation time and the estimate', () => {
  it('preselects the usual time plus the shop’s extra minutes, within 10 to 90', () => {
    expect(suggestedPrepMinutes()).toBe(15);
    expect(suggestedPrepMinutes(15)).toBe(30);
    expect(suggestedPrepMinutes(200)).toBe(90);
    expect(suggestedPrepMinutes(-20)).toBe(10);
    expect(prepChoices).toContain(suggestedPrepMinutes(15));
  });

  it('says when an accepted order is ready and about when it arrives, from the shop’s time and the ride', () => {
    const accepted = { accepted_at: '2026-12-01T14:00:00.000Z', prep_minutes: 20, distance_m: 2000 };
    // 2 km straight is 2.6 km of road at 18 km/h: 8.7 minutes; 28.7 rounds up to 30.
    expect(deliveryEtaMinutes(2000, 20)).toBe(30);
    expect(orderEstimate(accepted)).toEqual({
      ready_by: '2026-12-01T14:20:00.000Z',
      arrives_by: '2026-12-01T14:30:00.000Z',
    });
    expect(orderEstimate({ ...accepted, accepted_at: null })).toBeUndefined();
    expect(orderEstimate({ ...accepted, prep_minutes: null })).toBeUndefined();
  });
});
