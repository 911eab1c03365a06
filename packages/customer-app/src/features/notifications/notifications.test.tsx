import type { Notification } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { fakeNotifications } from '@kupwara/shared/testing';
import { router } from 'expo-router';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import SignedInLayout from '../../../app/(app)/_layout';
import Notifications from '../../../app/(app)/notifications';
import OrderTracking from '../../../app/(app)/orders/[id]';
import Orders from '../../../app/(app)/orders/index';
import { servicesForTest, TestRoot } from '../../__tests__/harness';
import type { CustomerServices } from '../../services';
import { leadsTo } from './leads-to';

jest.setTimeout(20_000);

const ORDER = '01900000-0000-7000-8000-000000000001';
const told = (id: string, title: string, over: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'customer.accepted',
  title,
  body: 'Gulzar Kiryana accepted your order',
  data: { order_id: ORDER, status: 'ACCEPTED' },
  created_at: new Date().toISOString(),
  read_at: null,
  ...over,
});
const newest = told('01900000-0000-7000-8000-0000000000f2', 'Order accepted');
const older = told('01900000-0000-7000-8000-0000000000f1', 'Being prepared');

let services: CustomerServices;
let calls: [string, unknown][];
let unread: number;

beforeEach(() => {
  fakeNotifications.reset();
  services = servicesForTest();
  calls = [];
  unread = 2;
  services.api.call = (async (name: string, input: { body?: unknown }) => {
    calls.push([name, input.body]);
    if (name === 'notifications') return { items: [newest, older], next_cursor: null, unread_count: unread };
    if (name === 'listOrders') return { items: [], next_cursor: null };
    if (name === 'markAllNotificationsRead') {
      unread = 0;
      return { unread_count: 0 };
    }
    throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
  }) as typeof services.api.call;
  services.session.store.setState({ session: { access_token: 'a', user: { id: 'c1' } } as never, loaded: true });
});

const routes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/orders/index': Orders,
  '(app)/orders/[id]': OrderTracking,
  '(app)/notifications': Notifications,
};

describe("the customer's notifications", () => {
  it('shows the unread count on the Updates link, and marking all read clears it', async () => {
    renderRouter(routes, { initialUrl: '/orders' });
    const bell = await screen.findByRole('link', { name: 'Updates, 2 unread' });
    // The pill is for the eye (the link says the count): hidden from screen readers.
    expect(screen.getByTestId('updates-unread', { includeHiddenElements: true })).toHaveTextContent('2');
    fireEvent.press(bell);
    expect(await screen.findByText('2 unread')).toBeOnTheScreen();
    expect(screen.getAllByLabelText('Unread')).toHaveLength(2);
    fireEvent.press(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.queryAllByLabelText('Unread')).toHaveLength(0));
    expect(calls).toContainEqual(['markAllNotificationsRead', { up_to: newest.id }]);

    act(() => router.back());
    expect(await screen.findByRole('link', { name: 'Updates' })).toBeOnTheScreen();
    expect(screen.queryByTestId('updates-unread', { includeHiddenElements: true })).toBeNull();
  });

  it('opens the order of a push that started the app, and marks it read', async () => {
    fakeNotifications.startedByTap({ order_id: ORDER, notification_id: newest.id, kind: 'customer.accepted' });
    const app = renderRouter(routes, { initialUrl: '/orders' });
    await waitFor(() => expect(app.getPathname()).toBe(`/orders/${ORDER}`));
    await waitFor(() => expect(calls).toContainEqual(['markNotificationsRead', { ids: [newest.id] }]));
  });
});

describe('where a customer notification leads', () => {
  it('opens the order it is about, and nothing for one about no order', () => {
    expect(leadsTo({ kind: 'customer.accepted', data: { order_id: ORDER } })).toBe(`/orders/${ORDER}`);
    expect(leadsTo({ kind: 'order.waiting', data: { order_id: ORDER, notification_id: newest.id } })).toBe(
      `/orders/${ORDER}`,
    );
    expect(leadsTo({ kind: 'welcome', data: {} })).toBeUndefined();
  });
});
