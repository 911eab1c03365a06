import type { ServerFrame } from '@kupwara/shared';

/** Close codes of our own (4000–4999). */
export const CLOSE = { authTimeout: 4401, tooSlow: 4408, loginEnded: 4409 } as const;

type ErrorFrame = Extract<ServerFrame, { type: 'error' }>;
export type ErrorCode = ErrorFrame['code'];

/** What leaves for one client: frames, or a close when it has fallen too far behind. */
export interface FrameSender {
  /** A frame, or one already serialized. */
  send(frame: ServerFrame | string): void;
  /** An error frame, about a channel or a `ref` when given. */
  refuse(code: ErrorCode, message: string, about?: Pick<ErrorFrame, 'channel' | 'ref'>): void;
  isOpen(): boolean;
}

/** The part of a `ws` socket that frames leave by. */
export interface SenderSocket {
  readonly readyState: number;
  readonly OPEN: number;
  /** Bytes queued to the client and not yet sent. */
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
}

export interface SenderOptions {
  /** A client this far behind (bytes queued to it) is dropped rather than slowing others; it will resume. */
  maxBufferedBytes: number;
  metrics: { frameOut(): void };
}

export function createFrameSender(socket: SenderSocket, { maxBufferedBytes, metrics }: SenderOptions): FrameSender {
  const isOpen = () => socket.readyState === socket.OPEN;
  const send = (frame: ServerFrame | string) => {
    if (!isOpen()) return;
    if (socket.bufferedAmount > maxBufferedBytes) {
      socket.close(CLOSE.tooSlow, 'too far behind: reconnect and resume');
      return;
    }
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    metrics.frameOut();
  };
  return {
    send,
    refuse: (code, message, about = {}) => send({ type: 'error', code, message, ...about }),
    isOpen,
  };
}
