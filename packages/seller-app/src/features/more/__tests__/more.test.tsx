import type { Notification } from '@kupwara/shared';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Text } from 'react-native';
import MoreTab from '../../../../app/(app)/(tabs)/more';
import { servicesForTest, signIn, TestRoot } from '../../../__tests__/harness';

const ORDER = '01900000-0000-7000-8000-000000000001';
const notification: Notification = {
  id: '01900000-0000-7000-8000-0000000000f1',
  kind: 'seller.new_order',
  title: 'New order',
  body: 'Shabnam Bhat: 2 items, please accept or reject',
  data: { order_id: ORDER },
  created_at: new Date().toISOString(),
  read_at: null,
};

jest.setTimeout(30_000);

function open() {
  const services = servicesForTest({
    getMyStore: () => ({ id: '01900000-0000-7000-8000-0000000000a1', name: 'Gulzar Kiryana', version: 1 }),
    notifications: () => ({ items: [notification], next_cursor: null, unread_count: 1 }),
  });
  signIn(services);
  const app = renderRouter(
    {
      _layout: TestRoot,
      more: MoreTab,
      login: () => <Text>Sign in</Text>,
      'orders/[id]': () => <Text>The order</Text>,
    },
    { initialUrl: '/more' },
  );
  return { app, services };
}

describe('the More tab', () => {
  it("shows the seller's profile and shop, and opens a notification's order", async () => {
    const { app } = open();
    expect(await screen.findByText('Gulzar Ahmad', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.getByText('+919419100001')).toBeOnTheScreen();
    expect(await screen.findByText('Shop: Gulzar Kiryana')).toBeOnTheScreen();
    fireEvent.press(await screen.findByText('Shabnam Bhat: 2 items, please accept or reject'));
    await waitFor(() => expect(app.getPathname()).toBe(`/orders/${ORDER}`));
  });

  it('signs out to the sign-in screen', async () => {
    const { app, services } = open();
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 20_000 }));
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
    expect(services.session.store.getState().session).toBeNull();
  });
});
