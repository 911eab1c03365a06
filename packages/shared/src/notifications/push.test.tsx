import type { Session } from '@kupwara/shared';
import Constants from 'expo-constants';
import { act, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Platform, Text } from 'react-native';
import { SignedInGate } from '../session/SignedInGate';
import { servicesForTest, TestRoot } from '../testing/app-root';
import { fakeNotifications } from '../testing/fake-notifications';
import { deviceLocale, pushTapOf } from './push';
import { pushDevice } from './push-device';
import { useUnreadCount } from './queries';

jest.setTimeout(20_000);

const ORDER = '01900000-0000-7000-8000-000000000001';
const NOTE = '01900000-0000-7000-8000-0000000000f1';
const eas = Constants.easConfig as { projectId?: string };

/** Real services signed in as a customer, answering each call like the server (and noting it). */
function signedIn() {
  const services = servicesForTest();
  const calls: [string, unknown][] = [];
  services.api.call = (async (name: string, input: { body?: unknown }) => {
    calls.push([name, input.body]);
    // One more unread each time the list is fetched, as if pushes kept coming.
    if (name === 'notifications')
      return { items: [], next_cursor: null, unread_count: calls.filter(([call]) => call === name).length + 2 };
    if (name === 'markNotificationsRead') return { unread_count: 2 };
    return { ...(input.body as object), created_at: '2025-06-17T09:30:00.000Z' };
  }) as typeof services.api.call;
  services.session.store.setState({
    session: { access_token: 'a', user: { id: 'user-1' } } as Session,
    loaded: true,
  });
  return { services, calls };
}

const registered = (token: string) => [
  'registerDevice',
  {
    expo_push_token: token,
    platform: 'ios',
    app: 'customer',
    locale: deviceLocale(Intl.DateTimeFormat().resolvedOptions().locale),
  },
];

afterEach(() => jest.restoreAllMocks());
beforeEach(() => fakeNotifications.reset());

describe('channels and the foreground handler', () => {
  const device = pushDevice;
  if (!device) throw new Error('jest runs the native device');

  it('makes the seller loud "orders" and default "updates" channels on Android', async () => {
    jest.replaceProperty(Platform, 'OS', 'android');
    await device.setUp('seller');
    expect(fakeNotifications.channels).toEqual([
      [
        'orders',
        {
          name: 'New orders',
          importance: 7,
          sound: 'new-order.wav',
          enableVibrate: true,
          vibrationPattern: [0, 600, 300, 600, 300, 600],
          lockscreenVisibility: 1,
        },
      ],
      ['updates', { name: 'Order updates', importance: 5, sound: 'default' }],
    ]);
  });

  it('makes the rider loud "offers" beside "updates", and the customer only "updates"', async () => {
    jest.replaceProperty(Platform, 'OS', 'android');
    await device.setUp('rider');
    expect(fakeNotifications.channels.map(([id, input]) => [id, input.importance, input.sound])).toEqual([
      ['offers', 7, 'offer.wav'],
      ['updates', 5, 'default'],
    ]);
    fakeNotifications.channels = [];
    await device.setUp('customer');
    expect(fakeNotifications.channels.map(([id]) => id)).toEqual(['updates']);
  });

  it('makes no channels on iOS, where there are none', async () => {
    await device.setUp('seller');
    expect(fakeNotifications.channels).toEqual([]);
  });

  it('shows new orders and offers as a banner with sound while the app is open, the rest only in the list', async () => {
    await device.setUp('seller');
    const handler = fakeNotifications.handler;
    if (!handler) throw new Error('no handler set');
    const push = (trigger: unknown, content: object = {}) => ({
      request: { trigger, content: { data: {}, ...content } },
    });
    const android = (channelId: string) => ({ type: 'push', remoteMessage: { notification: { channelId } } });
    const loud = { shouldShowBanner: true, shouldShowList: true, shouldPlaySound: true, shouldSetBadge: false };
    const quiet = { shouldShowBanner: false, shouldShowList: true, shouldPlaySound: false, shouldSetBadge: false };
    expect(await handler.handleNotification(push(android('orders')))).toEqual(loud);
    expect(await handler.handleNotification(push(android('offers')))).toEqual(loud);
    expect(await handler.handleNotification(push(android('updates')))).toEqual(quiet);
    expect(await handler.handleNotification(push({ type: 'push' }, { interruptionLevel: 'timeSensitive' }))).toEqual(
      loud,
    );
    expect(await handler.handleNotification(push({ type: 'push' }, { interruptionLevel: 'active' }))).toEqual(quiet);
  });
});

describe('asking and registering', () => {
  it('asks once, when the app asks, and tells the server the token; never again after', async () => {
    const { services, calls } = signedIn();
    expect(await services.push.ask()).toBe('granted');
    expect(fakeNotifications.asked).toBe(1);
    expect(fakeNotifications.tokensAsked).toEqual([{ projectId: 'kupwara-test-project' }]);
    expect(calls).toEqual([registered('ExponentPushToken[fake-phone-0001]')]);

    // The next order, the next launch: no prompt, nothing sent again.
    expect(await services.push.ask()).toBe('granted');
    await services.push.registerIfAllowed();
    expect(fakeNotifications.asked).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it('does not nag after a refusal, and registers nothing', async () => {
    fakeNotifications.answer = 'denied';
    const { services, calls } = signedIn();
    expect(await services.push.ask()).toBe('denied');
    expect(await services.push.ask()).toBe('denied');
    expect(fakeNotifications.asked).toBe(1);
    expect(calls).toEqual([]);
  });

  it('does not prompt at start-up; a phone allowed before registers for whoever signed in', async () => {
    const { services, calls } = signedIn();
    await services.push.registerIfAllowed();
    expect(calls).toEqual([]);
    fakeNotifications.permission = 'granted';
    await services.push.registerIfAllowed();
    expect(fakeNotifications.asked).toBe(0);
    expect(calls).toEqual([registered('ExponentPushToken[fake-phone-0001]')]);
  });

  it('sends a changed token again, and after signing out registers again for the next person', async () => {
    const { services, calls } = signedIn();
    await services.push.ask();
    const stop = services.push.watchToken();
    fakeNotifications.changeToken('ExponentPushToken[fake-phone-0002]');
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toEqual(registered('ExponentPushToken[fake-phone-0002]'));
    stop();

    await services.push.forget();
    await services.push.registerIfAllowed();
    expect(calls).toHaveLength(3);
    // "Asked" is the phone's, not the person's: still no second prompt.
    await services.push.ask();
    expect(fakeNotifications.asked).toBe(1);
  });

  it('skips, with a warning, a build with no EAS project id', async () => {
    delete eas.projectId;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const { services, calls } = signedIn();
    expect(await services.push.ask()).toBe('granted');
    expect(calls).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('No EAS projectId'));
    warn.mockRestore();
  });
});

/** What a bell shows: the unread count. */
function Bell() {
  return <Text>{useUnreadCount()} unread</Text>;
}

describe('tapping a push', () => {
  const routes = {
    _layout: TestRoot,
    '(app)/_layout': () => (
      <SignedInGate
        title="KupwaraCart"
        leadsTo={(push) => (typeof push.data.order_id === 'string' ? `/orders/${push.data.order_id}` : undefined)}
      />
    ),
    '(app)/index': () => <Text>Shops near you</Text>,
    '(app)/orders/[id]': () => <Text>The order</Text>,
  };

  it('opens the order of the push that started the app from closed, once, and marks it read', async () => {
    fakeNotifications.startedByTap({ order_id: ORDER, notification_id: NOTE, kind: 'customer.accepted' });
    const { calls } = signedIn();
    const app = renderRouter(routes, { initialUrl: '/' });
    await waitFor(() => expect(app.getPathname()).toBe(`/orders/${ORDER}`));
    expect(await screen.findByText('The order')).toBeOnTheScreen();
    await waitFor(() => expect(calls).toEqual([['markNotificationsRead', { ids: [NOTE] }]]));
    // Read off the phone as it was used: the next launch does not open it again.
    expect(fakeNotifications.lastResponse).toBeNull();
    // The listener may report the same tap again: it opens nothing more.
    act(() => fakeNotifications.tap({ order_id: ORDER, notification_id: NOTE }, 'push-cold'));
    expect(calls).toHaveLength(1);
    expect(app.getPathname()).toBe(`/orders/${ORDER}`);
  });

  it('opens the order of a push tapped while the app runs; one about nothing opens nothing', async () => {
    const { calls } = signedIn();
    const app = renderRouter(routes, { initialUrl: '/' });
    expect(await screen.findByText('Shops near you')).toBeOnTheScreen();
    act(() => fakeNotifications.tap({ kind: 'welcome', notification_id: NOTE }, 'push-1'));
    await waitFor(() => expect(calls).toEqual([['markNotificationsRead', { ids: [NOTE] }]]));
    expect(app.getPathname()).toBe('/');
    act(() => fakeNotifications.tap({ order_id: ORDER, kind: 'customer.accepted' }, 'push-2'));
    await waitFor(() => expect(app.getPathname()).toBe(`/orders/${ORDER}`));
    // No notification id on it: nothing to mark.
    expect(calls).toHaveLength(1);
  });

  it('refreshes the list and its count when a push arrives while the app is open', async () => {
    signedIn();
    renderRouter({ ...routes, '(app)/index': Bell }, { initialUrl: '/' });
    expect(await screen.findByText('3 unread')).toBeOnTheScreen();
    act(() => fakeNotifications.receive({ kind: 'customer.accepted', order_id: ORDER }));
    expect(await screen.findByText('4 unread')).toBeOnTheScreen();
  });
});

describe('what a push carries', () => {
  it('reads the notification id and kind from its data', () => {
    expect(pushTapOf('k', { order_id: ORDER, notification_id: NOTE, kind: 'customer.accepted' })).toEqual({
      key: 'k',
      notificationId: NOTE,
      kind: 'customer.accepted',
      data: { order_id: ORDER, notification_id: NOTE, kind: 'customer.accepted' },
    });
    expect(pushTapOf('k', undefined)).toEqual({ key: 'k', notificationId: undefined, kind: '', data: {} });
  });

  it('names the phone language as the server takes it', () => {
    expect(deviceLocale('en-US')).toBe('en-US');
    expect(deviceLocale('ur_in')).toBe('ur-IN');
    expect(deviceLocale('hi')).toBe('hi');
    expect(deviceLocale('zh-Hans-CN')).toBe('zh');
    expect(deviceLocale('es-419')).toBe('es');
    expect(deviceLocale(undefined)).toBe('en');
    expect(deviceLocale('C')).toBe('en');
  });
});
