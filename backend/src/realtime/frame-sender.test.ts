import { describe, expect, it } from 'vitest';
import { CLOSE, createFrameSender, type SenderSocket } from './frame-sender';

/** A socket that records what it is asked to do, with as many bytes queued as the test says. */
function fakeSocket(bufferedAmount = 0) {
  const sent: string[] = [];
  const closes: [number, string][] = [];
  const socket: SenderSocket & { readyState: number } = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount,
    send: (data) => {
      sent.push(data);
    },
    close: (code, reason) => {
      closes.push([code, reason]);
    },
  };
  return { socket, sent, closes };
}

const make = (bufferedAmount = 0, maxBufferedBytes = 1024) => {
  const fake = fakeSocket(bufferedAmount);
  let framesOut = 0;
  const sender = createFrameSender(fake.socket, { maxBufferedBytes, metrics: { frameOut: () => framesOut++ } });
  return { ...fake, sender, framesOut: () => framesOut };
};

describe('a frame sender', () => {
  it('sends frames as JSON and serialized frames as they are, counting each', () => {
    const { sender, sent, framesOut } = make();
    sender.send({ type: 'pong' });
    sender.send('{"type":"pong"}');
    expect(sent).toEqual(['{"type":"pong"}', '{"type":"pong"}']);
    expect(framesOut()).toBe(2);
  });

  it('says why in error frames, naming the channel or the ref only when given', () => {
    const { sender, sent } = make();
    const channel = 'order.01900000-0000-7000-8000-000000000001' as const;
    sender.refuse('BAD_FRAME', 'not JSON');
    sender.refuse('FORBIDDEN', 'not your channel', { channel });
    sender.refuse('LOCATIONS_NOT_SAVED', 'send these locations again', { ref: 'batch-7' });
    expect(sent.map((text) => JSON.parse(text))).toEqual([
      { type: 'error', code: 'BAD_FRAME', message: 'not JSON' },
      { type: 'error', code: 'FORBIDDEN', message: 'not your channel', channel },
      { type: 'error', code: 'LOCATIONS_NOT_SAVED', message: 'send these locations again', ref: 'batch-7' },
    ]);
  });

  it('sends nothing once the socket is no longer open', () => {
    const { sender, socket, sent, framesOut } = make();
    socket.readyState = 2;
    expect(sender.isOpen()).toBe(false);
    sender.send({ type: 'pong' });
    expect(sent).toEqual([]);
    expect(framesOut()).toBe(0);
  });

  it('closes a client more than the limit behind (4408) instead of queueing more for it', () => {
    const atLimit = make(1024, 1024);
    atLimit.sender.send({ type: 'pong' });
    expect([atLimit.sent.length, atLimit.closes]).toEqual([1, []]);

    const behind = make(1025, 1024);
    behind.sender.send({ type: 'pong' });
    expect(behind.sent).toEqual([]);
    expect(behind.framesOut()).toBe(0);
    expect(behind.closes).toEqual([[CLOSE.tooSlow, 'too far behind: reconnect and resume']]);
    expect(CLOSE.tooSlow).toBe(4408);
  });
});
