import type { StoreDetails } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';
import { lockedSwitches } from '../PaymentSwitches';

jest.setTimeout(30_000);

const nine = { open: '09:00', close: '21:00' };
const shop = (over: Partial<StoreDetails> = {}): StoreDetails => ({
  id: '01900000-0000-7000-8000-0000000000a1',
  name: 'Gulzar Kiryana',
  description: '',
  address: 'Main Bazaar, Kupwara',
  location: { lat: 34.5297, lng: 74.2543 },
  is_open_now: true,
  closes_at: null,
  opens_at: null,
  is_accepting_orders: true,
  paused_until: null,
  extra_prep_minutes: 0,
  extra_prep_until: null,
  rating: { average: 0, count: 0 },
  categories: ['grocery'],
  min_order_paise: 0,
  logo: null,
  phone: null,
  delivery_radius_km: 3,
  time_zone: 'Asia/Kolkata',
  opening_hours: { mon: [nine], tue: [nine], wed: [nine], thu: [nine], fri: [nine], sat: [nine], sun: [] },
  cover: null,
  accepts_cash: true,
  accepts_online: true,
  payment_methods: ['cash', 'online'],
  version: 2,
  updated_at: '2026-11-25T08:00:00.000Z',
  ...over,
});

const CASH = 'Cash on delivery';
const ONLINE = 'Online payment (UPI, cards)';
const LAST = 'This is the only way customers can pay you now: turn the other one on before you turn this off.';

function open(answers: Record<string, (input: unknown) => unknown>) {
  const services = servicesForTest({ categories: () => ({ items: [] }), ...answers });
  signIn(services);
  renderRouter(appRoutes, { initialUrl: '/shop' });
}
const switchOf = (name: string) => screen.findByRole('switch', { name });

describe('the payment switches on the Shop tab', () => {
  it('turn cash off with the version seen; then online, the last one on, cannot be turned off, and says why', async () => {
    const bodies: unknown[] = [];
    open({
      getMyStore: () => shop(),
      updateMyStore: (input) => {
        const body = (input as { body: object }).body;
        bodies.push(body);
        return shop({ version: 3, accepts_cash: false, payment_methods: ['online'] });
      },
    });
    expect(await switchOf(CASH)).toHaveProp('value', true);
    expect(await switchOf(ONLINE)).toHaveProp('value', true);
    expect(await switchOf(ONLINE)).not.toBeDisabled();
    fireEvent(await switchOf(CASH), 'valueChange', false);
    await waitFor(async () => expect(await switchOf(CASH)).toHaveProp('value', false));
    expect(bodies).toEqual([{ version: 2, accepts_cash: false }]);
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(await switchOf(ONLINE)).toBeDisabled();
    expect(screen.getByText(LAST)).toBeTruthy();
    expect(await switchOf(CASH)).not.toBeDisabled();
  });

  it('keeps cash on without a gateway: online is not available yet, whatever its switch says', async () => {
    open({ getMyStore: () => shop({ payment_methods: ['cash'] }) });
    expect(await switchOf(CASH)).toBeDisabled();
    expect(
      screen.getByText(
        'Online payment is not available on KupwaraCart yet: customers pay cash on delivery until it is.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(LAST)).toBeTruthy();
    // The online switch may still be turned off: it waits for a gateway.
    expect(await switchOf(ONLINE)).not.toBeDisabled();
  });

  it('sets the switch again on top of a newer shop', async () => {
    const bodies: unknown[] = [];
    open({
      getMyStore: () => shop(),
      updateMyStore: (input) => {
        bodies.push((input as { body: object }).body);
        if (bodies.length === 1) throw new ApiError(409, 'CONFLICT', 'changed', { current: shop({ version: 5 }) });
        return shop({ version: 6, accepts_online: false, payment_methods: ['cash'] });
      },
    });
    fireEvent(await switchOf(ONLINE), 'valueChange', false);
    await waitFor(async () => expect(await switchOf(ONLINE)).toHaveProp('value', false));
    expect(bodies).toEqual([
      { version: 2, accepts_online: false },
      { version: 5, accepts_online: false },
    ]);
    expect(await switchOf(CASH)).toBeDisabled();
  });

  it('says why when the server refuses, and the switch stays as the server has it', async () => {
    open({
      getMyStore: () => shop(),
      updateMyStore: () => {
        throw new ApiError(422, 'NO_PAYMENT_METHOD', 'Keep cash on delivery or online payment on', {
          available: ['cash', 'online'],
        });
      },
    });
    fireEvent(await switchOf(CASH), 'valueChange', false);
    expect(await screen.findByText('Keep cash on delivery or online payment on')).toBeTruthy();
    expect(await switchOf(CASH)).toHaveProp('value', true);
  });
});

describe('which switch is locked on', () => {
  it('is the one way customers can still pay', () => {
    const both = { accepts_cash: true, accepts_online: true };
    expect(lockedSwitches({ ...both, payment_methods: ['cash', 'online'] })).toEqual({ cash: false, online: false });
    expect(lockedSwitches({ ...both, payment_methods: ['cash'] })).toEqual({ cash: true, online: false });
    expect(lockedSwitches({ accepts_cash: false, accepts_online: true, payment_methods: ['online'] })).toEqual({
      cash: false,
      online: true,
    });
    expect(lockedSwitches({ accepts_cash: true, accepts_online: false, payment_methods: ['cash'] })).toEqual({
      cash: true,
      online: false,
    });
  });
});
