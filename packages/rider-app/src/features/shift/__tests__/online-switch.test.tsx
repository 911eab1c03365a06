import type { PositionPoint } from '@kupwara/shared';
import { manualConnectivity } from '@kupwara/shared/client';
import { fakeNotifications, orderFixture } from '@kupwara/shared/testing';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';
import { fakeLocation } from './fake-location';

jest.mock('expo-location', () => require('./fake-location').fakeLocation.module);
jest.mock('expo-task-manager', () => ({ defineTask: () => {} }));

const DELIVERY = orderFixture({ id: '01900000-0000-7000-8000-00000000d001', status: 'PICKED_UP' });
const here = (n: number) => [34.5297 + n * 0.001, 74.2543, `2026-12-02T08:00:0${n}.000Z`] as const;

/** A rider signed in, offline at first, with the server answering as `answers` say (and recording what it was sent). */
function riderWith({
  carrying = false,
  status = 'offline' as 'online' | 'offline' | 'unreachable',
  locationsFail = false,
} = {}) {
  const sent = { status: [] as unknown[], locations: [] as PositionPoint[][] };
  const services = servicesForTest({
    ...(status === 'unreachable' ? {} : { riderStatusNow: () => ({ status }) }),
    setRiderStatus: (input) => {
      const body = (input as { body: { status: 'online' | 'offline' } }).body;
      sent.status.push(body);
      return body;
    },
    riderAssignments: () => ({ offers: [], deliveries: carrying ? [DELIVERY] : [] }),
    ...(locationsFail
      ? {}
      : {
          sendLocations: (input) => {
            const { points } = (input as { body: { points: PositionPoint[] } }).body;
            sent.locations.push(points);
            return { accepted: points.length, rejected: [], position: null };
          },
        }),
  });
  signIn(services);
  return { services, sent };
}

const theSwitch = () => screen.findByRole('switch');

beforeEach(() => {
  fakeLocation.reset();
  fakeNotifications.reset();
});

describe('the online switch', () => {
  it('goes online when pressed, then shares the location every 45 s while idle and says when it last went', async () => {
    const { sent } = riderWith();
    renderRouter(appRoutes, { initialUrl: '/' });
    expect(await screen.findByRole('switch', { name: 'You are offline' })).toBeTruthy();
    expect(fakeLocation.running()).toEqual([]);
    expect(fakeNotifications.asked).toBe(0);

    fireEvent.press(await theSwitch());
    // On a phone, the disclosure comes before the phone asks for the location in the background.
    expect(await screen.findByText('Share your location in the background?')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Not now' }));
    expect(await screen.findByRole('switch', { name: 'You are online — sharing your location' })).toBeTruthy();
    expect(sent.status).toEqual([{ status: 'online' }]);
    expect(fakeLocation.asked).toBe(1);
    expect(fakeLocation.background.asked).toBe(0);
    // Going online is when the phone asks to allow pushes: offers reach a closed app.
    expect(fakeNotifications.asked).toBe(1);
    await waitFor(() => expect(fakeLocation.running()).toHaveLength(1));
    expect(fakeLocation.running()[0]?.options).toEqual({ accuracy: 3, timeInterval: 45_000, distanceInterval: 0 });

    act(() => fakeLocation.move(...here(1)));
    await waitFor(() => expect(sent.locations).toHaveLength(1));
    expect(sent.locations[0]).toEqual([
      { lat: here(1)[0], lng: here(1)[1], accuracy_m: 8, speed_mps: 3, recorded_at: here(1)[2] },
    ]);
    expect(await screen.findByText(/^Location sent \d+ s ago$/)).toBeTruthy();
  });

  it('shares through the background task, with a notification saying so, once the rider allows it', async () => {
    riderWith({ carrying: true });
    fakeLocation.background.allows = true;
    renderRouter(appRoutes, { initialUrl: '/' });
    fireEvent.press(await screen.findByRole('switch', { name: 'You are offline' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Allow' }));
    expect(await screen.findByRole('switch', { name: 'You are online — sharing your location' })).toBeTruthy();
    await waitFor(() => expect(fakeLocation.task).not.toBeNull());
    expect(fakeLocation.task).toMatchObject({
      accuracy: 4,
      timeInterval: 4000,
      distanceInterval: 10,
      foregroundService: {
        notificationTitle: 'KupwaraCart Rider',
        notificationBody: 'KupwaraCart Rider is sharing your location while you are online',
      },
    });
    expect(fakeLocation.running()).toEqual([]);
  });

  it('shares every 4 s from the GPS while the rider carries an order', async () => {
    riderWith({ carrying: true, status: 'online' });
    renderRouter(appRoutes, { initialUrl: '/' });
    await waitFor(() => expect(fakeLocation.running()).toHaveLength(1));
    expect(fakeLocation.running()[0]?.options).toEqual({ accuracy: 4, timeInterval: 4000, distanceInterval: 10 });
  });

  it('keeps on the phone the fixes it cannot send, oldest first, and says how many wait', async () => {
    const { services } = riderWith({ status: 'online', locationsFail: true });
    renderRouter(appRoutes, { initialUrl: '/' });
    await waitFor(() => expect(fakeLocation.running()).toHaveLength(1));
    act(() => fakeLocation.move(...here(1)));
    act(() => fakeLocation.move(...here(2)));
    expect(await screen.findByText('2 positions waiting to send')).toBeTruthy();
    expect(services.local.fixes.oldest(10).map((fix) => fix.recorded_at)).toEqual([here(1)[2], here(2)[2]]);
  });

  it('says plainly that going online needs the network, and asks nothing of the server or the phone', async () => {
    const { services, sent } = riderWith();
    services.connectivity = manualConnectivity(false);
    renderRouter(appRoutes, { initialUrl: '/' });
    fireEvent.press(await screen.findByRole('switch', { name: 'You are offline' }));
    expect(
      await screen.findByText('You need the internet to go online or offline. Try again when you have signal.'),
    ).toBeTruthy();
    expect(sent.status).toEqual([]);
    expect(fakeLocation.asked).toBe(0);
  });

  it('stays offline when the rider refuses the location for good, and says to allow it in settings', async () => {
    fakeLocation.permission = { granted: false, canAskAgain: false };
    const { sent } = riderWith();
    renderRouter(appRoutes, { initialUrl: '/' });
    fireEvent.press(await screen.findByRole('switch', { name: 'You are offline' }));
    expect(
      await screen.findByText(
        'Location is turned off for KupwaraCart Rider. Open settings, allow location, then go online.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
    expect(sent.status).toEqual([]);
    expect(screen.getByRole('switch', { name: 'You are offline' })).toBeTruthy();
  });

  it('asks before going offline with an order on board, and stops sharing once offline', async () => {
    const { sent } = riderWith({ carrying: true, status: 'online' });
    renderRouter(appRoutes, { initialUrl: '/' });
    await waitFor(() => expect(fakeLocation.running()).toHaveLength(1));
    fireEvent.press(await screen.findByRole('switch', { name: 'You are online — sharing your location' }));
    expect(await screen.findByText('You still carry an order')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Stay online' }));
    expect(screen.queryByText('You still carry an order')).toBeNull();
    expect(sent.status).toEqual([]);

    fireEvent.press(screen.getByRole('switch', { name: 'You are online — sharing your location' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Go offline' }));
    expect(await screen.findByRole('switch', { name: 'You are offline' })).toBeTruthy();
    expect(sent.status).toEqual([{ status: 'offline' }]);
    expect(fakeLocation.running()).toEqual([]);
  });

  it('says when it could not learn whether the rider is online, and still lets them go online', async () => {
    const { sent } = riderWith({ status: 'unreachable' });
    renderRouter(appRoutes, { initialUrl: '/' });
    const unknown = await screen.findByRole('switch', { name: 'Could not check whether you are online' });
    expect(screen.getByText('Go online when you have signal.')).toBeTruthy();
    fireEvent.press(unknown);
    fireEvent.press(await screen.findByRole('button', { name: 'Not now' }));
    expect(await screen.findByRole('switch', { name: 'You are online — sharing your location' })).toBeTruthy();
    expect(sent.status).toEqual([{ status: 'online' }]);
  });
});
