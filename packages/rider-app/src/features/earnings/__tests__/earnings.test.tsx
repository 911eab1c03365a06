import type { RiderEarnings } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import AsyncStorage from '@react-native-async-storage/async-storage';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';

jest.setTimeout(30_000);

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const delivery = (n: number, at: string, earning: number, cash: number, distance = 1800) => ({
  order_id: `01900000-0000-7000-8000-00000000000${n}`,
  store_name: n === 2 ? 'Mir Medicos' : 'Gulzar Kiryana',
  delivered_at: at,
  distance_m: distance,
  earning_paise: earning,
  cash_paise: cash,
});
const week: RiderEarnings = {
  today_paise: 7_000,
  week_paise: 11_050,
  cash_today_paise: 37_550,
  cash_held_paise: 52_550,
  deliveries: [
    delivery(1, ago(0), 4_000, 37_550),
    delivery(2, ago(1), 3_000, 0, 650),
    delivery(3, ago(24 * HOUR), 2_000, 15_000),
    delivery(4, ago(72 * HOUR), 2_050, 0),
  ],
};

function open(answer: () => RiderEarnings) {
  const services = servicesForTest({ riderEarnings: answer });
  signIn(services);
  return { app: renderRouter(appRoutes, { initialUrl: '/earnings' }), services };
}

describe('the Earnings tab', () => {
  it("shows today's and the week's earnings, the cash, and a line per delivery under its day", async () => {
    open(() => week);
    expect(await screen.findByLabelText('Earned today: ₹70', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.getByLabelText('This week: ₹110.50')).toBeOnTheScreen();
    expect(screen.getByText('Cash collected today ₹375.50')).toBeOnTheScreen();
    expect(screen.getByText('Cash you hold ₹525.50')).toBeOnTheScreen();
    expect(screen.getByText('Hand it over at settlement.')).toBeOnTheScreen();
    expect(screen.getByText('2 deliveries')).toBeOnTheScreen();

    // The screen's title, then a heading per day, newest first.
    expect(screen.getAllByRole('heading').map((heading) => heading.props.children)).toEqual([
      'Earnings',
      'Today',
      'Yesterday',
      expect.stringMatching(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}$/),
    ]);

    const lines = screen.getAllByLabelText(/^\d\d:\d\d, /).map((line) => line.props.accessibilityLabel);
    expect(lines.map((line) => line.replace(/^\d\d:\d\d/, 'hh:mm'))).toEqual([
      'hh:mm, Gulzar Kiryana, 1.8 km: earned ₹40, cash collected ₹375.50',
      'hh:mm, Mir Medicos, 650 m: earned ₹30',
      'hh:mm, Gulzar Kiryana, 1.8 km: earned ₹20, cash collected ₹150',
      'hh:mm, Gulzar Kiryana, 1.8 km: earned ₹20.50',
    ]);
    expect(screen.getByText('Cash ₹375.50')).toBeOnTheScreen();
  });

  it('says so when the rider has made no delivery this week', async () => {
    open(() => ({ today_paise: 0, week_paise: 0, cash_today_paise: 0, cash_held_paise: 0, deliveries: [] }));
    expect(await screen.findByText('No deliveries yet this week', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.getByLabelText('Earned today: ₹0')).toBeOnTheScreen();
    expect(screen.getByText('Cash you hold ₹0')).toBeOnTheScreen();
    expect(screen.queryByLabelText(/^\d\d:\d\d, /)).toBeNull();
  });

  it('offers to try again when the earnings cannot be loaded', async () => {
    let failing = true;
    open(() => {
      if (failing) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
      return week;
    });
    expect(await screen.findByText('Your earnings could not be loaded', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.queryByLabelText(/^Earned today/)).toBeNull();
    failing = false;
    await act(async () => fireEvent.press(screen.getByRole('button', { name: 'Try again' })));
    expect(await screen.findByLabelText('Earned today: ₹70')).toBeOnTheScreen();
  });

  it('keeps showing the last figures, saying they may be old, when a refresh fails', async () => {
    let failing = false;
    open(() => {
      if (failing) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
      return week;
    });
    await screen.findByLabelText('Earned today: ₹70', {}, { timeout: 20_000 });
    failing = true;
    await act(async () => {
      screen.getByTestId('earnings-scroll').props.refreshControl.props.onRefresh();
    });
    expect(
      await screen.findByText(
        'These figures may be out of date: they could not be refreshed.',
        {},
        { timeout: 20_000 },
      ),
    ).toBeOnTheScreen();
    expect(screen.getByLabelText('Earned today: ₹70')).toBeOnTheScreen();
  });

  it('opens with the figures last seen when the phone has no network', async () => {
    const { app, services } = open(() => week);
    await screen.findByLabelText('Earned today: ₹70', {}, { timeout: 20_000 });
    // Saved with the rest of the cache, a moment after it arrived.
    await waitFor(async () => expect(await AsyncStorage.getItem('kupwara.queries')).toContain('Mir Medicos'), {
      timeout: 10_000,
    });
    app.unmount();
    services.queue.close();

    // The app opened again in a basement: no answer from anywhere.
    signIn(servicesForTest({}));
    renderRouter(appRoutes, { initialUrl: '/earnings' });
    expect(await screen.findByLabelText('Earned today: ₹70', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.getByText('Cash you hold ₹525.50')).toBeOnTheScreen();
    expect(screen.getAllByLabelText(/^\d\d:\d\d, /)).toHaveLength(4);
  });
});
