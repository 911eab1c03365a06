import type { ChannelName, ServerFrame } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { AppConfig } from '../src/app';
import { makeTestApp, type TestApp } from './app';

export interface TestSocket {
  socket: WebSocket;
  frames: ServerFrame[];
  send(frame: unknown): void;
  /** The first frame (received so far or later) that matches, failing after a while. */
  next(match: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  closed: Promise<{ code: number; reason: string }>;
}

/** The address of an app listening on a free port of 127.0.0.1. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `ws://127.0.0.1:${address.port}/ws`;
}

/** A real WebSocket client of /ws that keeps every frame it gets. */
export async function openSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<TestSocket> {
  const socket = new WebSocket(url, options);
  const frames: ServerFrame[] = [];
  const waiters: { match: (frame: ServerFrame) => boolean; resolve: (frame: ServerFrame) => void }[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (!waiter.match(frame)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(frame);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    socket,
    frames,
    closed,
    send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next(match, timeoutMs = 5000) {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such frame; got ${JSON.stringify(frames)}`)), timeoutMs);
        waiters.push({
          match,
          resolve: (frame) => {
            clearTimeout(timer);
            resolve(frame);
          },
        });
      });
    },
  };
}

/** A socket signed in with this session's access token. */
export async function signedInSocket(url: string, session: { access_token: string }): Promise<TestSocket> {
  const client = await openSocket(url);
  client.send({ type: 'auth', token: session.access_token });
  await client.next((frame) => frame.type === 'authenticated');
  return client;
}

/** Subscribes and waits for the answer about the channel: `subscribed`, or an error. */
export function subscribe(client: TestSocket, channel: ChannelName, since?: number): Promise<ServerFrame> {
  client.send({ type: 'subscribe', channel, ...(since === undefined ? {} : { since }) });
  return client.next(
    (frame) =>
      (frame.type === 'subscribed' || frame.type === 'error') && 'channel' in frame && frame.channel === channel,
  );
}

export const isEvent = (channel: ChannelName, seq: number) => (frame: ServerFrame) =>
  frame.type === 'event' && frame.channel === channel && frame.seq === seq;

/** The sequence numbers of the events a socket got on a channel, in the order they came. */
export const seqsOn = (client: TestSocket, channel: ChannelName) =>
  client.frames.flatMap((frame) => (frame.type === 'event' && frame.channel === channel ? [frame.seq] : []));

/** Time for frames that should not come to have come. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real app listening on a port for one test file, with the sockets it opens: they and the app
 * are closed when the file's tests end. Read its fields inside tests (they exist once `beforeAll` ran).
 */
export function liveTestApp(overrides: Partial<AppConfig> = {}) {
  const sockets: TestSocket[] = [];
  let test: TestApp | undefined;
  let url = '';
  const started = () => {
    if (!test) throw new Error('liveTestApp is read before its beforeAll ran');
    return test;
  };
  const track = (client: TestSocket) => {
    sockets.push(client);
    return client;
  };
  beforeAll(async () => {
    test = await makeTestApp(overrides);
    url = await listen(test.app);
  });
  afterAll(async () => {
    for (const client of sockets) client.socket.terminate();
    await test?.app.close();
  });
  return {
    get app() {
      return started().app;
    },
    get db() {
      return started().platform.database.db;
    },
    get config() {
      return started().config;
    },
    get url() {
      return url;
    },
    /** Closes this socket with the others when the file ends. */
    track,
    /** A socket signed in as `session`, on this app or on another node's `url`. */
    connect: async (session: { access_token: string }, to = url) => track(await signedInSocket(to, session)),
  };
}
