import { randomUUID } from 'node:crypto';
import type { ChannelName, ServerFrame } from '@kupwara/shared';
import WebSocket from 'ws';
import { sleep } from './cluster';

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as Idempotency-Key, the same on every retry. */
  key?: string;
}

/**
 * One HTTP call as the apps make it: a connection error (or a 503) is tried again, with the same
 * Idempotency-Key, against the next API process. `calls` counts what each answer was.
 */
export class Client {
  private next = 0;
  readonly answers = new Map<string, number>();
  constructor(
    private readonly bases: () => string[],
    readonly label: string,
  ) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const bases = this.bases();
      const base = bases[this.next % bases.length];
      try {
        const answer = await once(`${base}/api/v1${path}`, method, options);
        this.count(String(answer.status));
        if (answer.status !== 503) return answer;
      } catch {
        this.count('connection error');
      }
      this.next += 1;
      await sleep(100 + Math.random() * 100);
    }
    throw new Error(`${method} ${path}: no answer after 100 tries`);
  }

  private count(what: string) {
    this.answers.set(what, (this.answers.get(what) ?? 0) + 1);
  }
}

/** One try, no retry; a request that takes over 15 s is a hang and fails. */
export async function once(url: string, method: string, { token, body, key }: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export const newKey = () => `faults-${randomUUID()}`;

/**
 * A socket client as the apps run it: follows order channels; when its socket drops it connects
 * to the next process, signs in again and subscribes with `since` = the last sequence it has.
 */
export class Follower {
  /** Sequence numbers received, per channel. */
  readonly received = new Map<ChannelName, Set<number>>();
  /** Error frames the server sent (a refused subscription would otherwise read as events missed). */
  readonly errors: string[] = [];
  reconnects = 0;
  private socket: WebSocket | undefined;
  private stopped = false;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly wsUrls: () => string[],
    private readonly token: string,
    private turn: number,
  ) {}

  start(): Promise<void> {
    this.connecting = this.connect();
    return this.connecting;
  }

  async follow(channel: ChannelName) {
    if (!this.received.has(channel)) this.received.set(channel, new Set());
    await this.connecting;
    this.send({ type: 'subscribe', channel, since: this.last(channel) });
  }

  stop() {
    this.stopped = true;
    this.socket?.close();
  }

  private last(channel: ChannelName): number {
    return Math.max(0, ...(this.received.get(channel) ?? []));
  }

  private send(frame: unknown) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private async connect(): Promise<void> {
    for (;;) {
      const urls = this.wsUrls();
      const url = urls[this.turn % urls.length] ?? '';
      try {
        await this.open(url);
        return;
      } catch {
        this.turn += 1;
        await sleep(200);
      }
    }
  }

  private open(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      let authenticated = false;
      socket.on('error', () => undefined);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: this.token })));
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as ServerFrame;
        if (frame.type === 'authenticated') {
          authenticated = true;
          this.socket = socket;
          for (const channel of this.received.keys())
            this.send({ type: 'subscribe', channel, since: this.last(channel) });
          resolve();
        }
        if (frame.type === 'event') this.received.get(frame.channel)?.add(frame.seq);
        if (frame.type === 'error') this.errors.push(`${frame.code} ${frame.channel ?? ''}: ${frame.message}`);
      });
      socket.on('close', () => {
        if (!authenticated) return reject(new Error('closed before signing in'));
        if (this.socket === socket) this.socket = undefined;
        if (this.stopped) return;
        this.reconnects += 1;
        this.turn += 1;
        this.connecting = this.connect();
      });
    });
  }
}
