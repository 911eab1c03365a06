import type { Notification } from '@kupwara/shared';
import { transitionParams } from '@kupwara/shared/client';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';

jest.setTimeout(30_000);

const ORDER = '01900000-0000-7000-8000-000000000001';
const notification: Notification = {
  id: '01900000-0000-7000-8000-0000000000f1',
  kind: 'rider.assigned',
  title: 'Delivery offered',
  body: 'Gulzar Kiryana has an order ready for you',
  data: { order_id: ORDER },
  created_at: new Date().toISOString(),
  read_at: null,
};

function open() {
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
    notifications: () => ({ items: [notification], next_cursor: null, unread_count: 1 }),
  });
  signIn(services);
  const app = renderRouter(appRoutes, { initialUrl: '/more' });
  return { app, services };
}

describe('the More tab', () => {
  it("shows the rider's name, phone and vehicle, and opens the notifications", async () => {
    const { app } = open();
    expect(await screen.findByText('Delivers by: Scooter', {}, { timeout: 20_000 })).toBeOnTheScreen();
    expect(screen.getByText('Bilal Mir')).toBeOnTheScreen();
    expect(screen.getByText('+919419100009')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Notifications' }));
    await waitFor(() => expect(app.getPathname()).toBe('/notifications'));
    fireEvent.press(await screen.findByText('Gulzar Kiryana has an order ready for you'));
    await waitFor(() => expect(app.getPathname()).toBe(`/delivery/${ORDER}`));
  });

  it('signs out to the sign-in screen at once when nothing waits to be sent', async () => {
    const { app, services } = open();
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 20_000 }));
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
    expect(services.session.store.getState().session).toBeNull();
  });

  it('asks first when delivery steps have not reached the server, and keeps them unless told to drop them', async () => {
    const { app, services } = open();
    // Picked up in a basement: the step waits on the phone.
    const assigned = { id: ORDER, status: 'RIDER_ASSIGNED' as const, version: 5 };
    await act(() =>
      services.queue.enqueue(
        'transitionOrder',
        `order:${ORDER}`,
        transitionParams(assigned, 'rider', { to: 'PICKED_UP' }),
      ),
    );
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 20_000 }));
    expect(await screen.findByRole('header', { name: 'Sign out?' })).toBeOnTheScreen();
    expect(
      screen.getByText(
        '1 step you took has not been sent yet, such as a pickup or a hand-over. If you sign out now, it will be lost and the shop and the customer will not know.',
      ),
    ).toBeOnTheScreen();

    fireEvent.press(screen.getByRole('button', { name: 'Keep waiting' }));
    await waitFor(() => expect(screen.queryByText('Sign out?')).toBeNull());
    expect(services.queue.actions()).toHaveLength(1);
    expect(app.getPathname()).toBe('/more');

    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Sign out and discard' }));
    await waitFor(() => expect(app.getPathname()).toBe('/login'));
    expect(services.queue.actions()).toEqual([]);
    expect(services.session.store.getState().session).toBeNull();
  });
});
