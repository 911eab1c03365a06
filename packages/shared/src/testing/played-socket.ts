import { act, waitFor } from '@testing-library/react-native';
import type { ServerFrame } from '../contract/realtime';

/** The app's socket as the test sees it: what the app sent, and the handlers the test calls as the server. */
interface PlayedSocket {
  readyState: number;
  onopen: (() => void) | null;
  onmessage: ((event: { data: string }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: (() => void) | null;
  sent: string[];
}

/**
 * The app's socket with the test playing the server. Call before making the services: it stays in
 * the place of the harness's socket that never opens.
 */
export function playServerSocket() {
  let socket: PlayedSocket | undefined;
  class TestSocket implements PlayedSocket {
    readyState = 0;
    onopen: (() => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    onclose: ((event: { code: number }) => void) | null = null;
    onerror: (() => void) | null = null;
    sent: string[] = [];
    constructor() {
      socket = this;
    }
    send(data: string) {
      this.sent.push(data);
    }
    close() {}
  }
  Object.defineProperty(globalThis, 'WebSocket', { configurable: true, get: () => TestSocket, set: () => undefined });
  const current = () => {
    if (!socket) throw new Error('the app has opened no socket yet');
    return socket;
  };
  const sends = (frame: ServerFrame) => act(() => current().onmessage?.({ data: JSON.stringify(frame) }));
  return {
    /** The server sends a frame. */
    sends,
    /** The frames the app sent, as text. */
    sent: () => current().sent,
    /** The connection drops, as a network does. */
    drops: () => act(() => current().onclose?.({ code: 1006 })),
    /** Opens the app's socket and signs `userId` in; resolves once the app has subscribed to `channel`. */
    async connect(userId: string, channel: string) {
      await waitFor(() => current());
      current().readyState = 1;
      act(() => current().onopen?.());
      await sends({ type: 'authenticated', user_id: userId, expires_at: '2030-01-01T00:00:00.000Z' });
      await waitFor(() => {
        if (!current().sent.some((frame) => frame.includes(channel))) throw new Error(`not subscribed to ${channel}`);
      });
    },
  };
}
