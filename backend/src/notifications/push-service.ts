import { Expo, type ExpoPushMessage, type ExpoPushReceipt, type ExpoPushTicket } from 'expo-server-sdk';
import { Agent, type Dispatcher } from 'undici';
import type { PushOptions } from '../platform/config';

/**
 * Expo's push service as the sender needs it: chunks, send one chunk, fetch receipts. `send`
 * throws when the whole request failed (network, 5xx, 429 once the SDK's own retries are spent);
 * the answer holds a ticket per message, in order. With `service: 'log'` nothing leaves the machine.
 */
export interface PushService {
  readonly sends: boolean;
  chunk(messages: ExpoPushMessage[]): ExpoPushMessage[][];
  send(chunk: ExpoPushMessage[]): Promise<ExpoPushTicket[]>;
  chunkReceiptIds(ids: string[]): string[][];
  receipts(ids: string[]): Promise<Record<string, ExpoPushReceipt>>;
}

const EXPO_ORIGIN = 'https://exp.host';

/**
 * Requests that give up within 20 s (a round must end well inside the sender's lease), sent to
 * exp.host or to another origin speaking its API (a fake in tests, a proxy).
 */
function dispatcherFor(url: string): Dispatcher {
  const agent = new Agent({ headersTimeout: 20_000, bodyTimeout: 20_000 });
  const origin = new URL(url).origin;
  if (origin === EXPO_ORIGIN) return agent;
  return agent.compose((dispatch) => (options, handler) => dispatch({ ...options, origin }, handler));
}

export function createPushService(options: PushOptions): PushService {
  const expo = new Expo({
    accessToken: options.accessToken,
    httpAgent: dispatcherFor(options.url) as never,
    // The SDK retries a 429 itself, twice; the sender's own backoff covers longer outages.
    retryMinTimeout: 1000,
  });
  const log: PushService = {
    sends: false,
    chunk: (messages) => expo.chunkPushNotifications(messages),
    send: async (chunk) => chunk.map(() => ({ status: 'ok', id: '' })),
    chunkReceiptIds: (ids) => expo.chunkPushNotificationReceiptIds(ids),
    receipts: async () => ({}),
  };
  if (options.service === 'log') return log;
  return {
    ...log,
    sends: true,
    send: (chunk) => expo.sendPushNotificationsAsync(chunk),
    receipts: (ids) => expo.getPushNotificationReceiptsAsync(ids),
  };
}
