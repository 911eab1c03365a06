import type { SellerPayouts } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';

jest.setTimeout(30_000);

// The Orders tab's ringer plays through the phone's audio.
jest.mock('expo-audio', () => ({ createAudioPlayer: jest.fn(), setAudioModeAsync: jest.fn(async () => undefined) }));

const day = (date: string, orders: number, cash: number, online: number) => ({
  date,
  orders,
  cash_paise: cash,
  online_paise: online,
  owed_paise: cash + online,
});
const week: SellerPayouts = {
  days: [
    day('2026-12-03', 3, 48_000, 24_050),
    day('2026-12-02', 1, 0, 12_000),
    day('2026-12-01', 0, 0, 0),
    day('2026-11-30', 2, 36_000, 0),
    day('2026-11-29', 0, 0, 0),
    day('2026-11-28', 0, 0, 0),
    day('2026-11-27', 0, 0, 0),
  ],
  total_owed_paise: 120_050,
};
const shop = {
  id: '01900000-0000-7000-8000-0000000000a1',
  name: 'Gulzar Kiryana',
  version: 2,
  is_accepting_orders: true,
  is_open_now: true,
  paused_until: null,
  extra_prep_minutes: 0,
  extra_prep_until: null,
};

function open(initialUrl: string, answer: (days: number) => SellerPayouts) {
  const asked: number[] = [];
  const services = servicesForTest({
    getMyStore: () => shop,
    sellerPayouts: (input) => {
      const days = (input as { query: { days: number } }).query.days;
      asked.push(days);
      return answer(days);
    },
  });
  signIn(services);
  return { app: renderRouter(appRoutes, { initialUrl }), asked };
}

describe('what the shop is owed', () => {
  it('shows the total and each day, newest first, cash and online apart, days with nothing included', async () => {
    open('/payouts', () => week);
    expect(await screen.findByLabelText('Owed for the last 7 days: ₹1,200.50', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText('Cash ₹840 · Online ₹360.50')).toBeTruthy();
    expect(
      screen.getByText(
        'For the items of each order delivered, by the day it was delivered. The delivery fee pays the rider.',
      ),
    ).toBeTruthy();
    const days = screen.getAllByLabelText(/^(Today|Yesterday|[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}): /);
    expect(days.map((line) => line.props.accessibilityLabel)).toEqual([
      'Today: 3 orders, cash ₹480, online ₹240.50, owed ₹720.50',
      'Yesterday: 1 order, cash ₹0, online ₹120, owed ₹120',
      'Tue 1 Dec: Nothing delivered',
      'Mon 30 Nov: 2 orders, cash ₹360, online ₹0, owed ₹360',
      'Sun 29 Nov: Nothing delivered',
      'Sat 28 Nov: Nothing delivered',
      'Fri 27 Nov: Nothing delivered',
    ]);
  });

  it('asks for 30 days when chosen', async () => {
    const { asked } = open('/payouts', (days) => ({
      days: Array.from({ length: days }, (_, i) => day(`2026-11-${String(30 - i).padStart(2, '0')}`, 0, 0, 0)),
      total_owed_paise: 0,
    }));
    await screen.findByLabelText('Owed for the last 7 days: ₹0', {}, { timeout: 20_000 });
    fireEvent.press(screen.getByRole('button', { name: '30 days' }));
    expect(await screen.findByLabelText('Owed for the last 30 days: ₹0')).toBeTruthy();
    expect(asked).toEqual([7, 30]);
  });

  it('opens from the More tab', async () => {
    const { app } = open('/more', () => week);
    fireEvent.press(
      await screen.findByRole('button', { name: 'Owed to you: Cash and online, day by day' }, { timeout: 20_000 }),
    );
    await waitFor(() => expect(app.getPathname()).toBe('/payouts'));
    expect(await screen.findByLabelText('Owed for the last 7 days: ₹1,200.50')).toBeTruthy();
  });

  it('offers to try again when it cannot be loaded', async () => {
    let failing = true;
    open('/payouts', () => {
      if (failing) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
      return week;
    });
    expect(await screen.findByText('What you are owed could not be loaded', {}, { timeout: 20_000 })).toBeTruthy();
    failing = false;
    await act(async () => fireEvent.press(screen.getByRole('button', { name: 'Try again' })));
    expect(await screen.findByLabelText('Owed for the last 7 days: ₹1,200.50')).toBeTruthy();
  });
});
