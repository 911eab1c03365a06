import type { OrderStatus, OrderSummary } from '@kupwara/shared';
import { carriedEndings } from '@kupwara/shared/values';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';

jest.setTimeout(30_000);

// Now, so the deliveries are "Today" at any hour (five minutes ago is yesterday just after midnight).
const at = new Date().toISOString();
const order = (n: number, status: OrderStatus = 'DELIVERED'): OrderSummary => ({
  id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  status,
  version: 8,
  store: { id: '01900000-0000-7000-8000-0000000000a1', name: `Shop ${n}` },
  customer: { id: '01900000-0000-7000-8000-0000000000c1', name: 'Shazia Bhat' },
  item_count: n % 3 === 0 ? 1 : 3,
  total_paise: 10_000 + n * 50,
  payment_method: 'cash',
  placed_at: at,
  updated_at: at,
  seen: true,
  answer_by: null,
  prep_minutes: 15,
  ready_by: null,
  arrives_by: null,
});

/** Two pages: three deliveries, then one more (failed) with no page after it. */
function open() {
  const asked: unknown[] = [];
  const services = servicesForTest({
    listOrders: (input) => {
      asked.push((input as { query: unknown }).query);
      const cursor = (input as { query: { cursor?: string } }).query.cursor;
      return cursor === 'page-2'
        ? { items: [order(4, 'FAILED')], next_cursor: null }
        : { items: [order(1), order(2), order(3)], next_cursor: 'page-2' };
    },
  });
  signIn(services);
  const app = renderRouter(appRoutes, { initialUrl: '/history' });
  return { app, asked };
}

describe('the History tab', () => {
  it("lists the rider's finished deliveries and loads older ones at the end of the list", async () => {
    const { asked } = open();
    const first = await screen.findByLabelText(/^Today \d\d:\d\d, Shop 1, 3 items, ₹100.50$/, {}, { timeout: 20_000 });
    expect(first).toBeOnTheScreen();
    expect(screen.getByLabelText(/^Today \d\d:\d\d, Shop 3, 1 item, ₹101.50$/)).toBeOnTheScreen();
    expect(asked[0]).toEqual({ status: carriedEndings.join(','), limit: 20 });

    // The end of the list in view (with no layout in a test, the list may say so by itself too).
    await act(async () => {
      screen.getByTestId('history-list').props.onEndReached();
    });
    expect(await screen.findByLabelText(/^Today \d\d:\d\d, Shop 4, 3 items, ₹102, Failed$/)).toBeOnTheScreen();
    expect(screen.getByText('Failed')).toBeOnTheScreen();
    expect(asked).toEqual([
      { status: carriedEndings.join(','), limit: 20 },
      { status: carriedEndings.join(','), limit: 20, cursor: 'page-2' },
    ]);

    // The last page said there is none after it: the end of the list asks for nothing more.
    await act(async () => {
      screen.getByTestId('history-list').props.onEndReached();
    });
    expect(asked).toHaveLength(2);
  });

  it('opens a delivery when tapped', async () => {
    const { app } = open();
    fireEvent.press(await screen.findByLabelText(/^Today \d\d:\d\d, Shop 2, /, {}, { timeout: 20_000 }));
    await waitFor(() => expect(app.getPathname()).toBe(`/delivery/${order(2).id}`));
  });

  it('says so when the rider has delivered nothing yet', async () => {
    signIn(servicesForTest({ listOrders: () => ({ items: [], next_cursor: null }) }));
    renderRouter(appRoutes, { initialUrl: '/history' });
    expect(await screen.findByText('No deliveries yet', {}, { timeout: 20_000 })).toBeOnTheScreen();
  });
});
