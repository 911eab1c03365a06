import type { Notification } from '@kupwara/shared';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Text } from 'react-native';
import { servicesForTest, TestRoot } from '../testing/app-root';
import { NotificationsScreen } from './NotificationsScreen';
import { notificationOrderId } from './notification-order';

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
const words = { title: 'Updates', empty: 'Nothing yet', emptyHint: 'News about your orders will be here.' };

function open(items: Notification[]) {
  const services = servicesForTest();
  const asked: string[] = [];
  services.api.call = (async (name: string) => {
    asked.push(name);
    return { items, next_cursor: null, unread_count: items.filter((n) => !n.read_at).length };
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

describe('NotificationsScreen', () => {
  it('lists what the person was told, with when, and opens what each is about where the app says', async () => {
    const { app, asked } = open([
      notification({}),
      notification({
        id: '01900000-0000-7000-8000-0000000000f2',
        title: 'Welcome',
        body: 'Shops in your town, delivered.',
        data: {},
        created_at: new Date(2025, 5, 17, 21, 0).toISOString(),
      }),
    ]);
    expect(await screen.findByRole('heading', { name: 'Updates' })).toBeOnTheScreen();
    expect(await screen.findByText('Gulzar Kiryana is getting it ready.')).toBeOnTheScreen();
    // Today's by the clock alone, older ones with their day.
    expect(screen.getByText('09:30')).toBeOnTheScreen();
    expect(screen.getByText('Tue 21:00')).toBeOnTheScreen();
    expect(asked).toEqual(['notifications']);

    // One about nothing in particular leads nowhere.
    expect(screen.getAllByRole('button', { name: /Order accepted/ })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Welcome/ })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: /Order accepted/ }));
    await waitFor(() => expect(app.getPathname()).toBe(`/deliveries/${ORDER}`));
  });

  it('says when there is nothing yet', async () => {
    open([]);
    expect(await screen.findByText('Nothing yet')).toBeOnTheScreen();
    expect(screen.getByText('News about your orders will be here.')).toBeOnTheScreen();
  });
});
