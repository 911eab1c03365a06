import Constants from 'expo-constants';
import * as Notifications from 'expo-notifications';
import { Platform } from 'react-native';
import type { AppName } from '../contract/notifications';
import { messages } from '../ui/messages';
import { type PushDevice, type PushPermission, pushTapOf } from './push';

const words = messages.pushChannels;

/**
 * The Android channels each app makes. The server names one in every push ('orders' for a shop's
 * new order, 'offers' for a rider's offer, 'updates' for the rest); a channel's sound and importance
 * are fixed once made, so a change means a new channel id.
 */
export function channelsFor(app: AppName): { id: string; input: Notifications.NotificationChannelInput }[] {
  const updates = {
    id: 'updates',
    input: { name: words.updates, importance: Notifications.AndroidImportance.DEFAULT, sound: 'default' },
  };
  if (app === 'seller')
    return [
      {
        id: 'orders',
        input: {
          name: words.orders,
          importance: Notifications.AndroidImportance.MAX,
          // The file the config plugin ships in res/raw, by its name with the extension.
          sound: 'new-order.wav',
          enableVibrate: true,
          vibrationPattern: [0, 600, 300, 600, 300, 600],
          // A new order shows on the locked screen: the shopkeeper answers without unlocking first.
          lockscreenVisibility: Notifications.AndroidNotificationVisibility.PUBLIC,
        },
      },
      updates,
    ];
  if (app === 'rider')
    return [
      {
        id: 'offers',
        input: {
          name: words.offers,
          importance: Notifications.AndroidImportance.MAX,
          sound: 'offer.wav',
          enableVibrate: true,
          vibrationPattern: [0, 400, 200, 400],
          lockscreenVisibility: Notifications.AndroidNotificationVisibility.PUBLIC,
        },
      },
      updates,
    ];
  return [updates];
}

/**
 * Whether a push wants attention now: a shop's new order or a rider's offer (Android: its channel;
 * iOS: the time-sensitive level the server gives those). The rest only goes in the list while the
 * app is open, since the screen already shows the change.
 */
export function isLoud(notification: Notifications.Notification): boolean {
  const { trigger, content } = notification.request;
  const channel =
    trigger && 'type' in trigger && trigger.type === 'push' ? trigger.remoteMessage?.notification?.channelId : null;
  if (channel === 'orders' || channel === 'offers') return true;
  return 'interruptionLevel' in content && content.interruptionLevel === 'timeSensitive';
}

/** The EAS project the build belongs to; Expo's push service gives tokens per project. */
function projectId(): string | undefined {
  const extra = Constants.expoConfig?.extra as { eas?: { projectId?: unknown } } | undefined;
  const id = Constants.easConfig?.projectId ?? extra?.eas?.projectId;
  return typeof id === 'string' && id ? id : undefined;
}

const permissionOf = (answer: { status: string }): PushPermission =>
  answer.status === 'granted' ? 'granted' : answer.status === 'denied' ? 'denied' : 'undetermined';

const tapOf = (response: Notifications.NotificationResponse) =>
  pushTapOf(response.notification.request.identifier, response.notification.request.content.data);

/** The phone's pushes through expo-notifications (a development or store build: Expo Go on Android has none since SDK 53). */
export const pushDevice: PushDevice | null = {
  platform: Platform.OS === 'ios' ? 'ios' : 'android',
  async setUp(app) {
    Notifications.setNotificationHandler({
      handleNotification: async (notification) => {
        const loud = isLoud(notification);
        return { shouldShowBanner: loud, shouldShowList: true, shouldPlaySound: loud, shouldSetBadge: false };
      },
    });
    if (Platform.OS !== 'android') return;
    for (const channel of channelsFor(app)) await Notifications.setNotificationChannelAsync(channel.id, channel.input);
  },
  permission: async () => permissionOf(await Notifications.getPermissionsAsync()),
  ask: async () => permissionOf(await Notifications.requestPermissionsAsync()),
  async token() {
    const id = projectId();
    if (!id) {
      console.warn('No EAS projectId in this build (app.json extra.eas.projectId): pushes are off');
      return null;
    }
    return (await Notifications.getExpoPushTokenAsync({ projectId: id })).data;
  },
  onTokenChange(listener) {
    const subscription = Notifications.addPushTokenListener(() => listener());
    return () => subscription.remove();
  },
  onTap(listener) {
    const subscription = Notifications.addNotificationResponseReceivedListener((response) => listener(tapOf(response)));
    return () => subscription.remove();
  },
  async lastTap() {
    const response = await Notifications.getLastNotificationResponseAsync();
    if (!response) return null;
    // Else the next launch, not from a tap, would open the same order again.
    await Notifications.clearLastNotificationResponseAsync();
    return tapOf(response);
  },
  onReceived(listener) {
    const subscription = Notifications.addNotificationReceivedListener(() => listener());
    return () => subscription.remove();
  },
};
