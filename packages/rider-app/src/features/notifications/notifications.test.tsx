import type { Notification } from '@kupwara/shared';
import { fakeNotifications } from '@kupwara/shared/testing';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../__tests__/harness';
import { leadsTo } from './leads-to';

jest.setTimeout(30_000);

const ORDER = '01900000-0000-7000-8000-000000000001';
const told = (id: string, kind: string, title: string): Notification => ({
  id,
  kind,
  title,
  body: 'Gulzar Kiryana, Old Bus Stand',
  data: { order_id: ORDER },
  created_at: new Date().toISOString(),
  read_at: null,
});
const offer = told('01900000-0000-7000-8000-0000000000f2', 'rider.new_offer', 'New offer');
const assigned = told('01900000-0000-7000-8000-0000000000f1', 'rider.assigned', 'New delivery');

function open() {
  const calls: [string, unknown][] = [];
  let unread = 2;
  const services = servicesForTest({
    getMe: () => ({
      id: 'r1',
      role: 'rider',
      name: 'Bilal Mir',
      phone: '+919419100009',
      email: null,
      created_at: '2026-11-01T00:00:00Z',
      rider: { vehicle_type: 'scooter', is_available: false },
    }),
    notifications: () => ({ items: [offer, assigned], next_cursor: null, unread_count: unread }),
    markNotificationsRead: (input) => {
      calls.push(['markNotificationsRead', (input as { body: unknown }).body]);
      unread -= 1;
      return { unread_count: unread };
    },
    markAllNotificationsRead: (input) => {
      calls.push(['markAllNotificationsRead', (input as { body: unknown }).body]);
      unread = 0;
      return { unread_count: 0 };
    },
  });
  signIn(services);
  const app = renderRouter(appRoutes, { initialUrl: '/more' });
  return { app, calls };
}

beforeEach(() => fakeNotifications.reset());

describe("the rider's notifications", () => {
  it('shows the unread count on the More tab and its Notifications link; marking all read clears both', async () => {
    const { calls } = open();
    expect(
      await screen.findByRole('button', { name: 'More, 2 unread notifications' }, { timeout: 20_000 }),
    ).toBeOnTheScreen();
    expect(screen.getByTestId('more-unread', { includeHiddenElements: true })).toHaveTextContent('2');
    fireEvent.press(screen.getByRole('button', { name: 'Notifications, 2 unread' }));
    expect(await screen.findByText('2 unread')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.queryAllByLabelText('Unread')).toHaveLength(0));
    expect(calls).toEqual([['markAllNotificationsRead', { up_to: offer.id }]]);
  });

  it('marks a tapped one read and opens its delivery', async () => {
    const { app, calls } = open();
    fireEvent.press(await screen.findByRole('button', { name: 'Notifications, 2 unread' }, { timeout: 20_000 }));
    fireEvent.press(await screen.findByRole('button', { name: /^Unread, New delivery/ }));
    await waitFor(() => expect(app.getPathname()).toBe(`/delivery/${ORDER}`));
    expect(calls).toEqual([['markNotificationsRead', { ids: [assigned.id] }]]);
  });
});

describe('where a rider notification leads', () => {
  it('an offer to the Work tab where it is answered, an expired one nowhere, the rest to the delivery', () => {
    expect(leadsTo({ kind: 'rider.new_offer', data: { order_id: ORDER } })).toBe('/');
    expect(leadsTo({ kind: 'rider.offer_expired', data: { order_id: ORDER } })).toBeUndefined();
    expect(leadsTo({ kind: 'rider.assigned', data: { order_id: ORDER } })).toBe(`/delivery/${ORDER}`);
    expect(leadsTo({ kind: 'welcome', data: {} })).toBeUndefined();
  });
});
