import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { WebSocket } from 'ws';
import { hearRevokedLogins } from '../accounts/revoked-logins';
import type { PositionIngest } from '../delivery/positions';
import { createPresence } from '../notifications/presence';
import type { Bus } from '../platform/bus';
import type { Cache } from '../platform/cache';
import type { Db } from '../platform/db';
import { serveConnection } from './connection';
import { createHub } from './hub';

export interface RealtimeOptions {
  db: Db;
  bus: Bus;
  cache: Cache;
  positions: PositionIngest;
  authTimeoutMs?: number;
  heartbeatMs?: number;
  maxBufferedBytes?: number;
}

/** Largest frame a client may send: subscribe frames are tiny, tokens under 1 KB, 100 locations ~12 KB. */
const MAX_FRAME_BYTES = 16 * 1024;

/**
 * `/ws`: one socket per client, many channels (protocol in packages/shared/src/contract/realtime.ts).
 * Registered on the root app, beside /api/v1.
 */
export async function realtime(app: FastifyInstance, options: RealtimeOptions) {
  const {
    db,
    bus,
    cache,
    positions,
    authTimeoutMs = 5000,
    heartbeatMs = 30_000,
    maxBufferedBytes = 1024 * 1024,
  } = options;
  const registers = [app.metrics];
  const sockets = new Gauge({ name: 'ws_open_sockets', help: 'Open WebSockets', registers });
  const subscriptions = new Gauge({
    name: 'ws_subscriptions',
    help: 'Channel subscriptions over all sockets',
    registers,
  });
  const framesIn = new Counter({ name: 'ws_frames_in_total', help: 'Frames received from clients', registers });
  const framesOut = new Counter({ name: 'ws_frames_out_total', help: 'Frames sent to clients', registers });
  const fanOut = new Histogram({
    name: 'ws_fanout_seconds',
    help: 'From an event being recorded to its frame leaving for a socket',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const metrics = {
    frameIn: () => framesIn.inc(),
    frameOut: () => framesOut.inc(),
    fanOut: (seconds: number) => fanOut.observe(seconds),
    subscriptions: (change: 1 | -1) => subscriptions.inc(change),
  };
  const hub = createHub(bus);
  // A live socket answers every heartbeat: its presence outlasts two missed ones, then lapses.
  const presence = createPresence(cache, (3 * heartbeatMs) / 1000);
  const alive = new WeakSet<WebSocket>();
  // One subscription for every socket of this process; it ends with the bus, when the app closes.
  const revokedListeners = new Set<(sessionIds: readonly string[]) => void>();
  await hearRevokedLogins(bus, (sessionIds) => {
    for (const listener of revokedListeners) listener(sessionIds);
  });
  const onLoginsRevoked = (listener: (sessionIds: readonly string[]) => void) => {
    revokedListeners.add(listener);
    return () => revokedListeners.delete(listener);
  };

  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });

  // Both ways: the server pings every socket and drops one that did not answer the last ping
  // (a phone that vanished without closing); clients ping with {"type":"ping"}.
  const heartbeat = setInterval(() => {
    for (const socket of app.websocketServer.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket) => {
    sockets.inc();
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    socket.on('close', () => sockets.dec());
    serveConnection(socket, {
      db,
      hub,
      tokens: app.tokens,
      revokedLogins: app.revokedLogins,
      onLoginsRevoked,
      positions,
      presence,
      authTimeoutMs,
      maxBufferedBytes,
      maxSubscriptions: 200,
      metrics,
    });
  });
}
