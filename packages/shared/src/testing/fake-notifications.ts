import Constants from 'expo-constants';
import type { PushPermission } from '../notifications/push';

type Listener = (event: unknown) => void;
type Handler = { handleNotification: (notification: unknown) => Promise<Record<string, boolean>> };
type Response = { notification: { request: { identifier: string; content: { data: Record<string, unknown> } } } };

const responseOf = (identifier: string, data: Record<string, unknown>): Response => ({
  notification: { request: { identifier, content: { data } } },
});

/**
 * expo-notifications as jest drives it (its native side has no binary here): the permission the
 * person gives when asked, the channels and handler the app set, the tap that started the app,
 * and taps and pushes as they come. Every test's phone starts with `reset()`.
 */
export const fakeNotifications = {
  permission: 'undetermined' as PushPermission,
  /** What the person answers the prompt. */
  answer: 'granted' as PushPermission,
  asked: 0,
  token: 'ExponentPushToken[fake-phone-0001]',
  tokensAsked: [] as unknown[],
  channels: [] as [string, Record<string, unknown>][],
  handler: null as Handler | null,
  lastResponse: null as Response | null,
  listeners: { response: new Set<Listener>(), received: new Set<Listener>(), token: new Set<Listener>() },
  /** Also gives the build an EAS project id, as `eas init` does: Expo's tokens are per project. */
  reset() {
    (Constants.easConfig as { projectId?: string }).projectId = 'kupwara-test-project';
    fakeNotifications.permission = 'undetermined';
    fakeNotifications.answer = 'granted';
    fakeNotifications.asked = 0;
    fakeNotifications.token = 'ExponentPushToken[fake-phone-0001]';
    fakeNotifications.tokensAsked = [];
    fakeNotifications.channels = [];
    fakeNotifications.handler = null;
    fakeNotifications.lastResponse = null;
    for (const set of Object.values(fakeNotifications.listeners)) set.clear();
  },
  /** The app was started from closed by tapping this push. */
  startedByTap(data: Record<string, unknown>, identifier = 'push-cold') {
    fakeNotifications.lastResponse = responseOf(identifier, data);
  },
  /** The person taps a push while the app runs. */
  tap(data: Record<string, unknown>, identifier = 'push-live') {
    for (const listener of fakeNotifications.listeners.response) listener(responseOf(identifier, data));
  },
  /** A push arrives while the app is open. */
  receive(data: Record<string, unknown>) {
    for (const listener of fakeNotifications.listeners.received) listener(responseOf('push-in', data).notification);
  },
  /** The phone's push token changes. */
  changeToken(token: string) {
    fakeNotifications.token = token;
    for (const listener of fakeNotifications.listeners.token) listener({ type: 'android', data: 'device-token' });
  },
  module: {
    AndroidImportance: { DEFAULT: 5, HIGH: 6, MAX: 7 },
    AndroidNotificationVisibility: { PUBLIC: 1, PRIVATE: 2, SECRET: 3 },
    setNotificationHandler(handler: Handler | null) {
      fakeNotifications.handler = handler;
    },
    async setNotificationChannelAsync(id: string, input: Record<string, unknown>) {
      fakeNotifications.channels.push([id, input]);
      return { id, ...input };
    },
    getPermissionsAsync: async () => ({ status: fakeNotifications.permission }),
    async requestPermissionsAsync() {
      fakeNotifications.asked += 1;
      fakeNotifications.permission = fakeNotifications.answer;
      return { status: fakeNotifications.permission };
    },
    async getExpoPushTokenAsync(options: unknown) {
      fakeNotifications.tokensAsked.push(options);
      return { type: 'expo', data: fakeNotifications.token };
    },
    addPushTokenListener: (listener: Listener) => subscribe(fakeNotifications.listeners.token, listener),
    addNotificationResponseReceivedListener: (listener: Listener) =>
      subscribe(fakeNotifications.listeners.response, listener),
    addNotificationReceivedListener: (listener: Listener) => subscribe(fakeNotifications.listeners.received, listener),
    getLastNotificationResponseAsync: async () => fakeNotifications.lastResponse,
    async clearLastNotificationResponseAsync() {
      fakeNotifications.lastResponse = null;
    },
  },
};

function subscribe(set: Set<Listener>, listener: Listener) {
  set.add(listener);
  return { remove: () => set.delete(listener) };
}
