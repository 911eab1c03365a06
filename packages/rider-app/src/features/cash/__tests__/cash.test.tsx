import type { Notification, RiderCash, RiderEarnings } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { fakeNotifications } from '@kupwara/shared/testing';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';
import { townClock } from '../../earnings/town-time';
import { leadsTo } from '../../notifications/leads-to';

jest.setTimeout(30_000);

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const order = (n: number) => `01900000-0000-7000-8000-00000000000${n}`;
const justNow = ago(0);
const earlier = ago(1_000);
const yesterday = ago(24 * HOUR);

const before: RiderCash = {
  in_hand_paise: 52_550,
  collected: [
    { order_id: order(1), store_name: 'Gulzar Kiryana', amount_paise: 37_550, collected_at: justNow },
    { order_id: order(2), store_name: 'Mir Medicos', amount_paise: 15_000, collected_at: yesterday },
    { order_id: order(3), store_name: 'Gulzar Kiryana', amount_paise: 20_000, collected_at: yesterday },
  ],
  settlements: [
    { id: '01900000-0000-7000-8000-0000000000s1', amount_paise: 20_000, note: 'Evening count', settled_at: yesterday },
  ],
};
const after: RiderCash = {
  ...before,
  in_hand_paise: 2_550,
  settlements: [
    { id: '01900000-0000-7000-8000-0000000000s2', amount_paise: 50_000, note: null, settled_at: earlier },
    ...before.settlements,
  ],
};
const settled: Notification = {
  id: '01900000-0000-7000-8000-0000000000f9',
  kind: 'rider.cash_settled',
  title: '₹500 handed over',
  body: 'You now hold ₹25.50',
  data: { settlement_id: '01900000-0000-7000-8000-0000000000s2' },
  created_at: earlier,
  read_at: null,
};
const week: RiderEarnings = {
  today_paise: 4_000,
  week_paise: 4_000,
  cash_today_paise: 37_550,
  cash_held_paise: 52_550,
  deliveries: [],
};

function open(initialUrl: string, answers: { cash: () => RiderCash; notifications?: () => Notification[] }) {
  const calls: string[] = [];
  const services = servicesForTest({
    riderCash: () => {
      calls.push('riderCash');
      return answers.cash();
    },
    riderEarnings: () => {
      calls.push('riderEarnings');
      return { ...week, cash_held_paise: answers.cash().in_hand_paise };
    },
    notifications: () => {
      const items = answers.notifications?.() ?? [];
      return { items, next_cursor: null, unread_count: items.filter((item) => !item.read_at).length };
    },
  });
  signIn(services);
  return { app: renderRouter(appRoutes, { initialUrl }), calls, services };
}

beforeEach(() => fakeNotifications.reset());

describe("the rider's cash in hand", () => {
  it('shows what they hold, what they handed over and what they collected, by day', async () => {
    open('/cash', { cash: () => before });
    expect(await screen.findByLabelText('You hold ₹525.50 in cash', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(
      screen.getByLabelText(`₹200 handed over yesterday at ${townClock(yesterday)}. Evening count`),
    ).toBeOnTheScreen();
    expect(screen.getAllByRole('heading').map((heading) => heading.props.children)).toEqual([
      'Cash in hand',
      'Handed over',
      'Collected at doors',
      'Today',
      'Yesterday',
    ]);
    const lines = screen.getAllByLabelText(/collected$/).map((line) => line.props.accessibilityLabel);
    expect(lines).toEqual([
      `${townClock(justNow)}, Gulzar Kiryana: ₹375.50 collected`,
      `${townClock(yesterday)}, Mir Medicos: ₹150 collected`,
      `${townClock(yesterday)}, Gulzar Kiryana: ₹200 collected`,
    ]);
  });

  it('says so when nothing was collected or handed over', async () => {
    open('/cash', { cash: () => ({ in_hand_paise: 0, collected: [], settlements: [] }) });
    expect(await screen.findByLabelText('You hold ₹0 in cash', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.getByText('Nothing handed over in the last 30 days')).toBeOnTheScreen();
    expect(screen.getByText('No cash collected in the last 30 days')).toBeOnTheScreen();
  });

  it('opens from the Earnings tab', async () => {
    const { app } = open('/earnings', { cash: () => before });
    fireEvent.press(
      await screen.findByRole(
        'button',
        { name: 'Cash collected today ₹375.50. Cash you hold ₹525.50: see what you collected and handed over' },
        { timeout: 20_000 },
      ),
    );
    await waitFor(() => expect(app.getPathname()).toBe('/cash'));
    expect(await screen.findByLabelText('You hold ₹525.50 in cash')).toBeOnTheScreen();
  });

  it('is asked again when a hand-over’s notification arrives: the new sum and the hand-over show', async () => {
    let cash = before;
    let told: Notification[] = [];
    const { calls } = open('/cash', { cash: () => cash, notifications: () => told });
    await screen.findByLabelText('You hold ₹525.50 in cash', {}, { timeout: 20_000 });
    const asked = calls.filter((call) => call === 'riderCash').length;

    // The operator records ₹500; the push arrives while the screen is open.
    cash = after;
    told = [settled];
    act(() => fakeNotifications.receive({ kind: settled.kind, notification_id: settled.id, ...settled.data }));
    expect(await screen.findByLabelText('You hold ₹25.50 in cash', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.getByLabelText(`₹500 handed over today at ${townClock(earlier)}`)).toBeOnTheScreen();
    expect(calls.filter((call) => call === 'riderCash').length).toBeGreaterThan(asked);
  });

  it('keeps the last figures, saying they may be old, when a refresh fails', async () => {
    let failing = false;
    open('/cash', {
      cash: () => {
        if (failing) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
        return before;
      },
    });
    await screen.findByLabelText('You hold ₹525.50 in cash', {}, { timeout: 20_000 });
    failing = true;
    await act(async () => {
      screen.getByTestId('cash-scroll').props.refreshControl.props.onRefresh();
    });
    expect(
      await screen.findByText(
        'These figures may be out of date: they could not be refreshed.',
        {},
        { timeout: 20_000 },
      ),
    ).toBeOnTheScreen();
    expect(screen.getByLabelText('You hold ₹525.50 in cash')).toBeOnTheScreen();
  });
});

describe('a hand-over’s notification', () => {
  it('leads to the cash, though it is about no order', () => {
    expect(leadsTo({ kind: 'rider.cash_settled', data: { settlement_id: 's2' } })).toBe('/cash');
  });
});
