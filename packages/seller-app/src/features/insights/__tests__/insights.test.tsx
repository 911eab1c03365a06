import type { StoreAnalytics } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { act, fireEvent, renderRouter, screen, within } from 'expo-router/testing-library';
import InsightsTab from '../../../../app/(app)/(tabs)/insights';
import { servicesForTest, signIn, TestRoot } from '../../../__tests__/harness';

const RICE = '01900000-0000-7000-8000-0000000000b1';
const TEA = '01900000-0000-7000-8000-0000000000b2';

const hours = (busy: Record<number, [number, number]> = {}) =>
  Array.from({ length: 24 }, (_, hour) => ({
    hour,
    orders: busy[hour]?.[0] ?? 0,
    revenue_paise: busy[hour]?.[1] ?? 0,
  }));

const today: StoreAnalytics = {
  range: 'today',
  time_zone: 'Asia/Kolkata',
  from: '2026-06-14T18:30:00.000Z',
  to: '2026-06-15T06:30:00.000Z',
  orders: 7,
  delivered_orders: 2,
  revenue_paise: 123_450,
  average_basket_paise: 61_725,
  acceptance_rate: 0.6,
  average_prep_seconds: 1_140,
  rejections: [{ reason: 'out_of_stock', orders: 1 }],
  cancellations: [
    { by: 'customer', reason: null, orders: 1 },
    { by: 'system', reason: 'The shop did not answer in time', orders: 2 },
  ],
  top_products: {
    by_quantity: [
      { product_id: RICE, name: 'Basmati Rice', quantity: 3, revenue_paise: 36_000 },
      { product_id: TEA, name: 'Kahwa Tea', quantity: 1, revenue_paise: 55_050 },
    ],
    by_revenue: [
      { product_id: TEA, name: 'Kahwa Tea', quantity: 1, revenue_paise: 55_050 },
      { product_id: RICE, name: 'Basmati Rice', quantity: 3, revenue_paise: 36_000 },
    ],
  },
  by_hour: hours({ 9: [2, 40_000], 18: [5, 83_450] }),
  by_day: [],
};

const week: StoreAnalytics = {
  ...today,
  range: '7d',
  orders: 30,
  by_day: Array.from({ length: 7 }, (_, i) => ({
    date: `2026-06-${String(9 + i).padStart(2, '0')}`,
    orders: 4,
    revenue_paise: 0,
  })),
};

function open(answer: (range: string) => StoreAnalytics) {
  const asked: string[] = [];
  const services = servicesForTest({
    getMyAnalytics: (input) => {
      const range = (input as { query: { range: string } }).query.range;
      asked.push(range);
      return answer(range);
    },
  });
  signIn(services);
  renderRouter({ _layout: TestRoot, insights: InsightsTab }, { initialUrl: '/insights' });
  return asked;
}

// The first render loads the whole app's modules: slow on a busy machine.
jest.setTimeout(30_000);

describe('the Sales tab', () => {
  it("shows today's figures, what went wrong and the best sellers", async () => {
    open(() => today);
    expect(await screen.findByLabelText('Revenue: ₹1,234.50', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.getByLabelText('Orders: 7')).toBeOnTheScreen();
    expect(screen.getByLabelText('Average basket: ₹617.25')).toBeOnTheScreen();
    expect(screen.getByLabelText('Accepted: 60%')).toBeOnTheScreen();
    expect(screen.getByLabelText('Average preparation: 19 min')).toBeOnTheScreen();
    expect(screen.getByLabelText('Out of stock: 1')).toBeOnTheScreen();
    expect(screen.getByLabelText('By the customer: 1')).toBeOnTheScreen();
    expect(screen.getByLabelText('Not answered in time: 2')).toBeOnTheScreen();
    expect(
      screen.getByLabelText('Orders by hour. Busiest 18:00–19:00: 5 orders, ₹834.50 delivered.'),
    ).toBeOnTheScreen();
    expect(screen.queryByLabelText(/Orders by day/)).toBeNull();
    // Given its width, the chart draws a bar per hour, labelled every third hour.
    fireEvent(screen.getByTestId('sales-by-hour'), 'layout', { nativeEvent: { layout: { width: 320, height: 164 } } });
    for (const hour of ['3', '15', '18', '21']) expect(screen.getByText(hour)).toBeOnTheScreen();
    expect(screen.queryByText('19')).toBeNull();

    const best = () => screen.getAllByLabelText(/^\d\. /).map((row) => row.props.accessibilityLabel);
    expect(best()).toEqual(['1. Basmati Rice: 3 · ₹360', '2. Kahwa Tea: 1 · ₹550.50']);
    fireEvent.press(screen.getAllByRole('button', { name: 'Revenue' })[0] as never);
    expect(best()).toEqual(['1. Kahwa Tea: 1 · ₹550.50', '2. Basmati Rice: 3 · ₹360']);
  });

  it('asks for the chosen range and charts it by day', async () => {
    const asked = open((range) => (range === '7d' ? week : today));
    await screen.findByLabelText('Orders: 7');
    fireEvent.press(screen.getByRole('button', { name: '7 days' }));
    expect(await screen.findByLabelText('Orders: 30')).toBeOnTheScreen();
    expect(screen.getByLabelText('Orders by day over 7 days: 30 in all.')).toBeOnTheScreen();
    expect(asked).toEqual(['today', '7d']);
    expect(screen.getByRole('button', { name: '7 days' }).props.accessibilityState).toMatchObject({ selected: true });
  });

  it('says so when there are no orders, and dashes what cannot be worked out', async () => {
    open(() => ({ ...today, orders: 0, delivered_orders: 0, revenue_paise: 0, by_hour: hours() }));
    expect(await screen.findByText('No orders yet today')).toBeOnTheScreen();
    expect(screen.queryByLabelText(/^Revenue/)).toBeNull();
  });

  it('offers to try again when the figures cannot be loaded', async () => {
    let failing = true;
    open(() => {
      if (failing) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
      return { ...today, acceptance_rate: null, average_basket_paise: null, average_prep_seconds: null };
    });
    expect(await screen.findByText('Your figures could not be loaded', {}, { timeout: 10_000 })).toBeOnTheScreen();
    failing = false;
    await act(async () => fireEvent.press(screen.getByRole('button', { name: 'Try again' })));
    expect(await screen.findByLabelText('Accepted: –')).toBeOnTheScreen();
    expect(within(screen.getByLabelText('Average basket: –')).getByText('–')).toBeOnTheScreen();
  });
});
