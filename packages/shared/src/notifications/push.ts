import type { Href } from 'expo-router';
import type { ApiClient } from '../api/client';
import type { AppName, DevicePlatform, Notification } from '../contract/notifications';
import type { KeyValueStorage } from '../store/storage';

/** What a notification is, enough to say where it leads: a row of the list, or a push the person tapped. */
export type NotificationTarget = Pick<Notification, 'kind' | 'data'>;

/** Where a notification leads in one app (nowhere: undefined). One mapping serves the list and the pushes. */
export type LeadsTo = (notification: NotificationTarget) => Href | undefined;

export type PushPermission = 'granted' | 'denied' | 'undetermined';

/** A push the person tapped: the notification it carries (`data.notification_id`) and what it is about. */
export interface PushTap extends NotificationTarget {
  /** The notification's row, to mark read; absent on a push that has none. */
  notificationId: string | undefined;
  /** Tells the same tap apart when the phone reports it twice (the cold start's and the listener's). */
  key: string;
}

/**
 * The phone's side of pushes (expo-notifications), kept behind this so the rest is plain code.
 * The web build has none: a browser gets no Expo push token (`push-device.ts`).
 */
export interface PushDevice {
  platform: DevicePlatform;
  /** The app's Android channels and how a push shows while the app is open; at start-up, no prompt. */
  setUp(app: AppName): Promise<void>;
  permission(): Promise<PushPermission>;
  /** Shows the phone's own prompt. */
  ask(): Promise<PushPermission>;
  /** This install's Expo push token; null when the build has no EAS project id to ask one for. */
  token(): Promise<string | null>;
  /** The phone's push token changed (a restore, a reinstall of Play services). */
  onTokenChange(listener: () => void): () => void;
  onTap(listener: (tap: PushTap) => void): () => void;
  /** The tap that started the app from closed, once (it is forgotten as it is read). */
  lastTap(): Promise<PushTap | null>;
  /** A push arrived while the app was open. */
  onReceived(listener: () => void): () => void;
}

/** A tap or a push as the phone hands it over: its `data` is the notification's, plus `notification_id` and `kind`. */
export function pushTapOf(key: string, data: Record<string, unknown> | undefined): PushTap {
  const payload = data ?? {};
  const id = payload.notification_id;
  const kind = payload.kind;
  return {
    key,
    notificationId: typeof id === 'string' ? id : undefined,
    kind: typeof kind === 'string' ? kind : '',
    data: payload,
  };
}

/**
 * The phone's language as a tag the server takes (`en`, `ur`, `hi-IN`): pushes are written in it
 * once catalogs exist. Anything odd (a script subtag, nothing at all) is `en`.
 */
export function deviceLocale(tag: string | undefined): string {
  const match = /^([a-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[-_].*)?$/.exec(tag ?? '');
  if (!match?.[1]) return 'en';
  return match[2] && /^[A-Za-z]{2}$/.test(match[2]) ? `${match[1]}-${match[2].toUpperCase()}` : match[1];
}

/** The locale JavaScript runs in (Hermes and browsers both have Intl). */
const runtimeLocale = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
};

interface PushRecord {
  /** The phone's prompt was shown once: it is not shown again (the phone says no by itself after a refusal). */
  asked: boolean;
  /** The token the server has for the person signed in, so a launch does not send it again. */
  registered?: { token: string; user_id: string };
}

export interface PushDeps {
  app: AppName;
  /** null on the web build. */
  device: PushDevice | null;
  api: ApiClient;
  storage: KeyValueStorage;
  key: string;
  /** Who is signed in; nobody: nothing is registered. */
  userId: () => string | undefined;
  locale?: () => string | undefined;
}

/**
 * Pushes for one app: asks for permission only when the app calls `ask` (at a moment that explains
 * itself: the first order, the shop opening, going online), tells the server this phone's token,
 * and remembers it so a launch neither asks nor sends again.
 */
export function createPush({ app, device, api, storage, key, userId, locale = runtimeLocale }: PushDeps) {
  const read = async (): Promise<PushRecord> => {
    const saved = await storage.getItem(key);
    if (!saved) return { asked: false };
    try {
      return JSON.parse(saved) as PushRecord;
    } catch {
      return { asked: false };
    }
  };
  const write = (record: PushRecord) => storage.setItem(key, JSON.stringify(record));

  /** Sends the token unless the server already has it for this person. A failure (offline) is tried again at the next launch or ask. */
  async function register(phone: PushDevice): Promise<void> {
    const user = userId();
    if (!user) return;
    const token = await phone.token();
    if (!token) return;
    const record = await read();
    if (record.registered?.token === token && record.registered.user_id === user) return;
    try {
      await api.call('registerDevice', {
        body: { expo_push_token: token, platform: phone.platform, app, locale: deviceLocale(locale()) },
      });
    } catch (error) {
      console.warn('Could not register this phone for pushes; trying again next time', error);
      return;
    }
    await write({ ...(await read()), registered: { token, user_id: user } });
  }

  return {
    /** Whether this build can receive pushes at all (the web build cannot). */
    supported: device !== null,
    device,
    /** Channels and the foreground handler, at every start-up. */
    async start(): Promise<void> {
      await device?.setUp(app);
    },
    async permission(): Promise<PushPermission | 'unsupported'> {
      return device ? device.permission() : 'unsupported';
    },
    /**
     * At the moment the app chose: the phone's prompt the first time only, then the token to the
     * server if allowed. Once answered either way it does not ask again.
     */
    async ask(): Promise<PushPermission | 'unsupported'> {
      if (!device) return 'unsupported';
      let status = await device.permission();
      const record = await read();
      if (status === 'undetermined' && !record.asked) {
        await write({ ...record, asked: true });
        status = await device.ask();
      }
      if (status === 'granted') await register(device);
      return status;
    },
    /** On every signed-in start: no prompt, but a phone already allowed is registered for whoever signed in. */
    async registerIfAllowed(): Promise<void> {
      if (device && (await device.permission()) === 'granted') await register(device);
    },
    /** A new token is sent again. */
    watchToken(): () => void {
      if (!device) return () => {};
      const phone = device;
      return phone.onTokenChange(() => void register(phone));
    },
    /** At sign-out: the server has already dropped this login's phones; keep only "asked". */
    async forget(): Promise<void> {
      const record = await read();
      await write({ asked: record.asked });
    },
  };
}

export type Push = ReturnType<typeof createPush>;
