// npx tsx bench/rider-fixes.ts: the rider app's battery and backlog budget.
// 1. Fixes sent per hour, idle and delivering: the app's cadence (`cadenceFor`) over a fake clock,
//    with a position that moves as a rider's does, BENCH_HOURS (21) simulated hours each. A fix is
//    taken when both its time and its distance have passed (Android's fused provider: the interval,
//    then the smallest displacement); the cadence's ceiling (every timeInterval) is printed beside it.
// 2. After 30 min offline at a fix every 5 s (360 fixes in the buffer): the time from the network
//    coming back to every fix sent and acknowledged, against the real server (embedded, in its own
//    process), through the app's own buffer and sender, BENCH_ROUNDS (7) times each way.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { channels, type PositionPoint } from '@kupwara/shared';
import { createApiClient, createRealtimeClient, createSessionStore, memoryStorage } from '@kupwara/shared/client';
import WebSocket from 'ws';
import { type Cadence, cadenceFor } from '../packages/rider-app/src/features/location/cadence';
import { createFixBuffer } from '../packages/rider-app/src/features/location/fix-buffer';
import { createFixSender } from '../packages/rider-app/src/features/location/fix-sender';

const HOURS = Number(process.env.BENCH_HOURS ?? 21);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** A small seeded generator, so a run can be repeated. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * One simulated hour, a second at a time: a delivering rider rides 5–8 m/s for 30–120 s, then
 * stops 10–60 s (a crossing, the shop, the door); an idle rider waits at a stand and now and then
 * rides 1–3 min to another. Counts the fixes the cadence takes.
 */
function fixesInAnHour(cadence: Cadence, delivering: boolean, rand: () => number) {
  let moved = 0;
  let sinceFix = Number.POSITIVE_INFINITY;
  let movedSinceFix = Number.POSITIVE_INFINITY;
  let fixes = 0;
  let phaseLeft = 0;
  let speed = 0;
  for (let second = 0; second < 3600; second++) {
    if (phaseLeft <= 0) {
      const riding = delivering ? speed === 0 : speed === 0 && rand() < 0.3;
      speed = riding ? (delivering ? 5 + rand() * 3 : 4 + rand() * 3) : 0;
      phaseLeft = riding
        ? delivering
          ? 30 + rand() * 90
          : 60 + rand() * 120
        : delivering
          ? 10 + rand() * 50
          : 120 + rand() * 480;
    }
    phaseLeft -= 1;
    moved += speed;
    sinceFix += 1000;
    movedSinceFix += speed;
    if (sinceFix >= cadence.timeInterval && movedSinceFix >= cadence.distanceInterval) {
      fixes += 1;
      sinceFix = 0;
      movedSinceFix = 0;
    }
  }
  return { fixes, metres: moved };
}

function simulate(label: string, deliveries: number) {
  const cadence = cadenceFor({ online: true, deliveries });
  if (!cadence) throw new Error('online riders take fixes');
  const counts = Array.from(
    { length: HOURS },
    (_, hour) => fixesInAnHour(cadence, deliveries > 0, random(hour + 1)).fixes,
  );
  console.log(
    `${label.padEnd(11)} median ${median(counts)} fixes/h (min ${Math.min(...counts)}, max ${Math.max(...counts)}; ` +
      `ceiling ${3600_000 / cadence.timeInterval}/h at every ${cadence.timeInterval / 1000} s, ${cadence.accuracy} accuracy)`,
  );
}

console.log(`fixes sent per hour, ${HOURS} simulated hours each:`);
simulate('idle', 0);
simulate('delivering', 1);
console.log(`offline: ${cadenceFor({ online: false, deliveries: 1 }) === null ? 0 : 'some'} fixes/h`);

function startApp(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(import.meta.dirname, 'serve.ts'), ['app'], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ url: `http://127.0.0.1:${(m as { port: number }).port}`, child }));
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

/** 30 minutes of a ride north at 5 m/s, a fix every 5 s, ending a second ago. */
function backlog(count = 360): PositionPoint[] {
  const end = Date.now() - 1000;
  return Array.from({ length: count }, (_, i) => ({
    lat: 34.5297 + (i * 25) / 111_320,
    lng: 74.2543,
    accuracy_m: 8,
    recorded_at: new Date(end - (count - 1 - i) * 5000).toISOString(),
  }));
}

let phone = 9_419_700_000;
async function rider(url: string) {
  const sessions = createSessionStore(memoryStorage());
  sessions.store.setState({ session: null, loaded: true });
  const api = createApiClient({ baseUrl: `${url}/api/v1`, tokens: sessions.tokens });
  phone += 1;
  const session = await api.call('register', {
    body: {
      role: 'rider',
      name: 'Bench Rider',
      phone: `+91${phone}`,
      password: 'chinar-leaf-42',
      vehicle_type: 'scooter',
    },
  });
  sessions.store.setState({ session, loaded: true });
  await api.call('setRiderStatus', { body: { status: 'online' } });
  return { api, session };
}

/** One reconnection: the app's buffer holding the backlog, its sender, and the clock until the buffer is empty. */
async function reconnect(url: string, via: 'app' | 'socket') {
  const { api, session } = await rider(url);
  const realtime = createRealtimeClient({
    url: `${url.replace(/^http/, 'ws')}/ws`,
    token: () => session.access_token,
    refreshToken: async () => false,
    WebSocket: WebSocket as never,
  });
  if (via === 'socket') {
    // Over the socket only: frames of 100, the socket up first (its connection is not counted).
    const up = new Promise<void>((resolve) => realtime.onState((state) => state === 'online' && resolve()));
    realtime.subscribe(channels.rider(session.user.id), () => {});
    await up;
  }
  const buffer = createFixBuffer({ storage: memoryStorage(), key: (name) => name });
  await buffer.load();
  const points = backlog();
  let accepted = 0;
  const sender = createFixSender({
    buffer,
    // The app's way sends a backlog this long over HTTP; the socket way sends it as frames of 100.
    socket: via === 'socket' ? realtime : { state: 'offline', send: () => false, onReply: () => () => {} },
    http: async (batch) => {
      const result = await api.call('sendLocations', { body: { points: batch } });
      accepted += result.accepted;
      return result;
    },
    networkUp: () => via === 'app',
    newRef: () => `bench-${Math.random()}`,
  });
  const stopReplies = realtime.onReply((frame) => {
    if (frame.type === 'locations_saved') accepted += frame.accepted;
  });
  if (via === 'app') buffer.add(points);
  const started = performance.now();
  if (via === 'socket') {
    // The sender sends over the socket only a backlog that fits a frame: fed a frame's worth at a time.
    for (let i = 0; i < points.length; i += 100) {
      buffer.add(points.slice(i, i + 100));
      await sender.flush();
    }
  } else await sender.flush();
  const ms = performance.now() - started;
  stopReplies();
  sender.close();
  realtime.close();
  if (buffer.count() !== 0 || accepted !== points.length)
    throw new Error(`${via}: ${accepted} of ${points.length} acknowledged`);
  return ms;
}

console.log('starting the server (embedded database)…');
const { url, child } = await startApp();
try {
  await reconnect(url, 'app'); // warm-up: the first write of a new rider's trail
  for (const via of ['app', 'socket'] as const) {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) times.push(await reconnect(url, via));
    console.log(
      `360 buffered fixes, reconnect → all acknowledged (${via === 'app' ? 'the app: HTTP, one batch of ≤ 500' : 'socket frames of 100'}): ` +
        `median ${median(times).toFixed(0)} ms over ${ROUNDS} rounds (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    );
  }
} finally {
  child.kill('SIGTERM');
}
