import type { QueuedMove } from '@kupwara/shared/client';
import { deliveryStep, handOverRefusal } from '../delivery-step';

const move = (to: QueuedMove['params']['request']['to'], over: Partial<QueuedMove> = {}): QueuedMove => ({
  id: `move-${to}`,
  kind: 'transitionOrder',
  resource: 'order:o1',
  params: { order_id: 'o1', actor: 'rider', request: { to, version: 7, occurred_at: '2026-12-02T05:00:00.000Z' } },
  createdAt: '2026-12-02T05:00:00.000Z',
  attempts: 0,
  status: 'pending',
  ...over,
});
const none = { atDoor: false, waiting: [], failed: [] };

describe('the step a delivery shows', () => {
  it('follows the order: to the shop, picked up, to the customer, at the door, delivered', () => {
    expect(deliveryStep('RIDER_ASSIGNED', none)).toEqual({ kind: 'to-shop' });
    expect(deliveryStep('PICKED_UP', none)).toEqual({ kind: 'picked-up' });
    expect(deliveryStep('IN_TRANSIT', none)).toEqual({ kind: 'to-customer' });
    expect(deliveryStep('IN_TRANSIT', { ...none, atDoor: true })).toEqual({ kind: 'hand-over', refusal: null });
    expect(deliveryStep('DELIVERED', none)).toEqual({ kind: 'delivered' });
    const cancelled = 'CANCELLED';
    expect(deliveryStep(cancelled, none)).toEqual({ kind: 'ended', status: cancelled });
  });

  it('waits for the server to check a code delivered on this phone', () => {
    const handedOver = move('DELIVERED');
    expect(deliveryStep('DELIVERED', { ...none, waiting: [handedOver] })).toEqual({ kind: 'confirming' });
  });

  it('shows a refused code over whatever the cached order says', () => {
    const refused = move('DELIVERED', {
      status: 'failed',
      error: { code: 'WRONG_OTP', message: 'Wrong code', details: { tries_left: 3 }, conflict: true },
    });
    expect(deliveryStep('DELIVERED', { ...none, failed: [refused] })).toEqual({
      kind: 'hand-over',
      refusal: { kind: 'wrong-code', triesLeft: 3 },
    });
  });
});

describe('a refused hand-over in the rider terms', () => {
  it('a wrong code with the tries left, the last one or a lock with the shop number the server gave, anything else as said', () => {
    expect(handOverRefusal({ code: 'WRONG_OTP', message: 'x', details: { tries_left: 1 }, conflict: true })).toEqual({
      kind: 'wrong-code',
      triesLeft: 1,
    });
    // The fifth wrong code: none left, so the hand-over is locked now.
    expect(handOverRefusal({ code: 'WRONG_OTP', message: 'x', details: { tries_left: 0 }, conflict: true })).toEqual({
      kind: 'locked',
      storePhone: null,
    });
    expect(
      handOverRefusal({ code: 'OTP_LOCKED', message: 'x', details: { store_phone: '+919419100001' }, conflict: true }),
    ).toEqual({ kind: 'locked', storePhone: '+919419100001' });
    expect(handOverRefusal({ code: 'OTP_LOCKED', message: 'x', conflict: true })).toEqual({
      kind: 'locked',
      storePhone: null,
    });
    expect(handOverRefusal({ code: 'FORBIDDEN', message: 'Not your delivery', conflict: false })).toEqual({
      kind: 'other',
      message: 'Not your delivery',
    });
  });
});
