import type { Notification } from '@kupwara/shared';
import { fakeNotifications } from '@kupwara/shared/testing';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../__tests__/harness';
import { leadsTo } from './leads-to';

jest.setTimeout(30_000);

const ORDER = '01900000-0000-7000-8000-000000000001';
const newOrder: Notification = {
  id: '01900000-0000-7000-8000-0000000000f1',
  kind: 'seller.new_order',
  title: 'New order',
  body: 'Shabnam Bhat: 2 items, please accept or reject',
  data: { order_id: ORDER, status: 'PENDING' },
  created_at: new Date().toISOString(),
  read_at: null,
};
const shop = (accepting: boolean) => ({
  id: '01900000-0000-7000-8000-0000000000a1',
  name: 'Gulzar Kiryana',
  version: accepting ? 3 : 2,
  is_accepting_orders: accepting,
  is_open_now: true,
  paused_until: null,
  extra_prep_minutes: 0,
  extra_prep_until: null,
});

function open(initialUrl: string, { accepting = true } = {}) {
  const calls: [string, unknown][] = [];
  let unread = 1;
  const services = servicesForTest({
    getMyStore: () => shop(accepting),
    updateMyStore: (input) => {
      calls.push(['updateMyStore', (input as { body: unknown }).body]);
      return shop(true);
    },
    notifications: () => ({ items: [newOrder], next_cursor: null, unread_count: unread }),
    markAllNotificationsRead: (input) => {
      calls.push(['markAllNotificationsRead', (input as { body: unknown }).body]);
      unread = 0;
      return { unread_count: 0 };
    },
    registerDevice: (input) => {
      calls.push(['registerDevice', (input as { body: unknown }).body]);
      return { ...(input as { body: object }).body, created_at: new Date().toISOString() };
    },
  });
  signIn(services);
  const app = renderRouter(appRoutes, { initialUrl });
  return { app, calls };
}

beforeEach(() => fakeNotifications.reset());

describe("the seller's notifications", () => {
  it('shows the unread count on the More tab; marking all read there clears it', async () => {
    const { calls } = open('/more');
    const tab = await screen.findByRole('button', { name: 'More, 1 unread notifications' }, { timeout: 20_000 });
    expect(tab).toBeOnTheScreen();
    expect(screen.getByTestId('more-unread', { includeHiddenElements: true })).toHaveTextContent('1');
    expect(await screen.findByRole('button', { name: /^Unread, New order/ })).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByRole('button', { name: 'More' })).toBeOnTheScreen();
    await waitFor(() => expect(screen.queryByTestId('more-unread', { includeHiddenElements: true })).toBeNull());
    expect(calls).toEqual([['markAllNotificationsRead', { up_to: newOrder.id }]]);
  });

  it('asks for pushes when the shop is opened, and registers the phone', async () => {
    const { calls } = open('/', { accepting: false });
    fireEvent(await screen.findByLabelText('Taking orders', {}, { timeout: 20_000 }), 'valueChange', true);
    await waitFor(() => expect(fakeNotifications.asked).toBe(1));
    await waitFor(() => expect(calls.map(([name]) => name)).toEqual(['updateMyStore', 'registerDevice']));
    expect(calls[1]?.[1]).toMatchObject({ app: 'seller', expo_push_token: 'ExponentPushToken[fake-phone-0001]' });
  });
});

describe('where a seller notification leads', () => {
  it('opens the order it is about', () => {
    expect(leadsTo({ kind: 'seller.new_order', data: { order_id: ORDER } })).toBe(`/orders/${ORDER}`);
    expect(leadsTo({ kind: 'order.otp-locked', data: { order_id: ORDER } })).toBe(`/orders/${ORDER}`);
    expect(leadsTo({ kind: 'welcome', data: {} })).toBeUndefined();
  });
});
