import type { Notification } from '@kupwara/shared';
import { router } from 'expo-router';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Text } from 'react-native';
import { servicesForTest, TestRoot } from '../testing/app-root';
import { fakeNotifications } from '../testing/fake-notifications';
import { NotificationsScreen } from './NotificationsScreen';
import { notificationOrderId } from './notification-order';

// The first render loads the whole kit: slow on a cold transform cache or a busy machine.
jest.setTimeout(20_000);

const ORDER = '01900000-0000-7000-8000-000000000001';
const notification = (over: Partial<Notification>): Notification => ({
  id: '01900000-0000-7000-8000-0000000000f1',
  kind: 'order.accepted',
  title: 'Order accepted',
  body: 'Gulzar Kiryana is getting it ready.',
  data: { order_id: ORDER },
  created_at: new Date(new Date().setHours(9, 30)).toISOString(),
  read_at: null,
  ...over,
});
const words = {
  title: 'Updates',
  empty: 'Nothing yet',
  emptyHint: 'News about your orders will be here.',
  unread: 'Unread',
  unreadCount: (count: number) => `${count} unread`,
  markAllRead: 'Mark all read',
  pushOff: 'Notifications are off for this app in your phone’s settings.',
};

const accepted = notification({});
const welcome = notification({
  id: '01900000-0000-7000-8000-0000000000f0',
  kind: 'welcome',
  title: 'Welcome',
  body: 'Shops in your town, delivered.',
  data: {},
  created_at: new Date(2025, 5, 17, 21, 0).toISOString(),
});

function open(items: Notification[], { unread = items.filter((n) => !n.read_at).length, left = 0 } = {}) {
  const services = servicesForTest();
  const asked: [string, unknown][] = [];
  services.api.call = (async (name: string, input: { body?: unknown }) => {
    asked.push([name, input.body]);
    if (name === 'notifications') return { items, next_cursor: null, unread_count: unread };
    // What the server answers: how many are still unread after the marking (one may have come meanwhile).
    return { unread_count: left };
  }) as typeof services.api.call;
  const app = renderRouter(
    {
      _layout: TestRoot,
      notifications: () => (
        <NotificationsScreen
          words={words}
          leadsTo={(item) => {
            const id = notificationOrderId(item);
            return id ? `/deliveries/${id}` : undefined;
          }}
        />
      ),
      'deliveries/[id]': () => <Text>The delivery</Text>,
    },
    { initialUrl: '/notifications' },
  );
  return { app, asked };
}

beforeEach(() => fakeNotifications.reset());

describe('NotificationsScreen', () => {
  it('lists what the person was told, with when, and opens what each is about where the app says', async () => {
    const { app, asked } = open([
      { ...accepted, read_at: accepted.created_at },
      { ...welcome, read_at: welcome.created_at },
    ]);
    expect(await screen.findByRole('heading', { name: 'Updates' })).toBeOnTheScreen();
    expect(await screen.findByText('Gulzar Kiryana is getting it ready.')).toBeOnTheScreen();
    // Today's by the clock alone, older ones with their day.
    expect(screen.getByText('09:30')).toBeOnTheScreen();
    expect(screen.getByText('Tue 21:00')).toBeOnTheScreen();
    expect(asked).toEqual([['notifications', undefined]]);
    // All read: nothing to mark.
    expect(screen.queryByText(/unread/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark all read' })).toBeNull();

    // One about nothing in particular leads nowhere.
    expect(screen.getAllByRole('button', { name: /Order accepted/ })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Welcome/ })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: /Order accepted/ }));
    await waitFor(() => expect(app.getPathname()).toBe(`/deliveries/${ORDER}`));
    // A read one is not marked again.
    expect(asked).toEqual([['notifications', undefined]]);
  });

  it('marks unread ones with a dot and a bolder title, said "Unread" first', async () => {
    open([accepted, { ...welcome, read_at: welcome.created_at }]);
    const row = await screen.findByRole('button', { name: /Order accepted/ });
    expect(row).toHaveAccessibleName('Unread, Order accepted, Gulzar Kiryana is getting it ready., 09:30');
    expect(screen.getAllByLabelText('Unread')).toHaveLength(1);
    expect(screen.getByText('Order accepted')).toHaveStyle({ fontWeight: '800' });
    expect(screen.getByText('Welcome')).toHaveStyle({ fontWeight: '400' });
    expect(screen.getByText('1 unread')).toBeOnTheScreen();
  });

  it('marks a tapped one read at once, tells the server, and opens its order', async () => {
    const { app, asked } = open([accepted, welcome], { left: 1 });
    expect(await screen.findByText('2 unread')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: /Order accepted/ }));
    await waitFor(() => expect(app.getPathname()).toBe(`/deliveries/${ORDER}`));
    expect(asked).toEqual([
      ['notifications', undefined],
      ['markNotificationsRead', { ids: [accepted.id] }],
    ]);
    act(() => router.back());
    expect(await screen.findByText('1 unread')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: /Order accepted/ })).toHaveAccessibleName(/^Order accepted/);
    expect(screen.getAllByLabelText('Unread')).toHaveLength(1);
  });

  it('marks all read up to the newest it shows; one that came meanwhile keeps the count', async () => {
    const { asked } = open([accepted, welcome], { left: 1 });
    fireEvent.press(await screen.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() =>
      expect(asked).toEqual([
        ['notifications', undefined],
        ['markAllNotificationsRead', { up_to: accepted.id }],
      ]),
    );
    await waitFor(() => expect(screen.queryAllByLabelText('Unread')).toHaveLength(0));
    // The server counts one the list has not shown yet.
    expect(await screen.findByText('1 unread')).toBeOnTheScreen();
  });

  it('clears the count once all are read', async () => {
    open([accepted], { left: 0 });
    fireEvent.press(await screen.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.queryByText(/unread/)).toBeNull());
    expect(screen.queryByRole('button', { name: 'Mark all read' })).toBeNull();
  });

  it('says where pushes are turned off when the phone refuses them', async () => {
    fakeNotifications.permission = 'denied';
    open([accepted]);
    expect(await screen.findByText(words.pushOff)).toBeOnTheScreen();
  });

  it('says nothing about pushes while they are allowed', async () => {
    fakeNotifications.permission = 'granted';
    open([accepted]);
    expect(await screen.findByText('1 unread')).toBeOnTheScreen();
    expect(screen.queryByText(words.pushOff)).toBeNull();
  });

  it('says when there is nothing yet', async () => {
    open([]);
    expect(await screen.findByText('Nothing yet')).toBeOnTheScreen();
    expect(screen.getByText('News about your orders will be here.')).toBeOnTheScreen();
  });
});
