import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { ExpoPushMessage, ExpoPushReceipt, ExpoPushTicket } from 'expo-server-sdk';
import type { Db } from '../platform/db';
import { anyId } from '../platform/ids';
import { enqueue, type JobHandler, type NewJob } from '../platform/jobs';
import type { PushService } from './push-service';
import { devices, notifications, pushMessages } from './tables';
import { channelOf } from './templates';

export const pushJobs = { send: 'notifications.push', receipts: 'notifications.receipts' } as const;

/** Sends whatever waits in the outbox (every notification not yet pushed), not just one. */
export const pushJob = (): NewJob => ({ kind: pushJobs.send, payload: {} });

export interface PushLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface PushDeps {
  db: Db;
  push: PushService;
  log: PushLog;
  /** How long after sending the receipts are asked for. */
  receiptDelayMs: number;
}

/** Notifications claimed per round, and how long a claim keeps other senders off them. */
const BATCH = 500;
// Shorter than the job runner's lease: a sender that died leaves rows due again when its job is retried.
const LEASE = '45 seconds';
/** News this old is not worth a push any more: it is given up (it stays in the in-app list). */
const GIVE_UP_MS = 6 * 3600_000;
/** Expo keeps receipts for a day: one not there by then never will be. */
const RECEIPTS_KEPT_MS = 24 * 3600_000;

/** After the n-th failed try: 2 s, 4 s … a minute at most, so a long outage is retried every minute. */
export const pushRetryDelayMs = (attempts: number) => Math.min(2000 * 2 ** (attempts - 1), 60_000);

/** Errors in a ticket that say "later", not "never". */
const RETRY_LATER = new Set(['MessageRateExceeded']);

/** Phones the loud channels must reach even if asleep: no delay, shown over Do Not Disturb's quiet. */
function styleOf(
  kind: string,
): Pick<ExpoPushMessage, 'channelId' | 'sound' | 'priority' | 'interruptionLevel' | 'ttl'> {
  const channel = channelOf(kind);
  if (channel === 'orders')
    return {
      channelId: channel,
      sound: 'new-order.wav',
      priority: 'high',
      interruptionLevel: 'time-sensitive',
      ttl: 900,
    };
  // An offer lasts seconds: a push that arrives a minute late only misleads.
  if (channel === 'offers')
    return { channelId: channel, sound: 'offer.wav', priority: 'high', interruptionLevel: 'time-sensitive', ttl: 60 };
  return { channelId: channel, sound: 'default', priority: 'high', interruptionLevel: 'active', ttl: 3600 };
}

type Outcome = { ok: true; id: string } | { ok: false; error: string; message: string };

const outcomeOf = (ticket: ExpoPushTicket): Outcome =>
  ticket.status === 'ok'
    ? { ok: true, id: ticket.id }
    : { ok: false, error: ticket.details?.error ?? 'Unknown', message: ticket.message };

type Claimed = { id: string; kind: string; title: string; body: string; data: Record<string, unknown> };
type Target = { notificationId: string; token: string };

async function claimDue(db: Db): Promise<(Claimed & { attempts: number; createdAt: Date })[]> {
  const result = await db.execute<Claimed & { attempts: number; created_at: string | Date }>(sql`
    UPDATE notifications SET push_due_at = now() + ${LEASE}::interval, push_attempts = push_attempts + 1
    WHERE id IN (
      SELECT id FROM notifications
      WHERE sent_at IS NULL AND (push_due_at IS NULL OR push_due_at <= now())
      ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, title, body, data, push_attempts AS attempts, created_at`);
  return result.rows.map(({ created_at, ...row }) => ({ ...row, createdAt: new Date(created_at) }));
}

/** Each claimed notification's phones that have not had it yet (a retry skips those that have). */
async function targetsOf(db: Db, ids: string[]): Promise<Target[]> {
  const result = await db.execute<{ notification_id: string; token: string }>(sql`
    SELECT n.id AS notification_id, d.expo_push_token AS token
    FROM notifications n JOIN devices d ON d.user_id = n.user_id
    WHERE n.id = ANY(${`{${ids.join(',')}}`}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM push_messages p WHERE p.notification_id = n.id AND p.expo_push_token = d.expo_push_token)`);
  return result.rows.map((row) => ({ notificationId: row.notification_id, token: row.token }));
}

/**
 * Schedules a job of this kind unless one not yet started will run by then (a started one may be
 * finishing without seeing what is left, so it does not count).
 */
async function scheduleOnce(db: Db, kind: string, runAt: Date) {
  const waiting = await db.execute(sql`
    SELECT 1 FROM jobs WHERE kind = ${kind} AND attempts = 0 AND run_at <= ${runAt.toISOString()}::timestamptz LIMIT 1`);
  if (waiting.rows.length === 0) await enqueue(db, [{ kind, payload: {}, runAt }]);
}

/**
 * One round of the outbox: claims due notifications, sends one message per phone in the SDK's
 * chunks, records every ticket, and settles each notification — sent when every phone has a
 * ticket, else due again after a backoff. Returns how many it claimed, whether Expo took any and
 * when what it could not send is due again.
 */
async function sendRound(deps: PushDeps): Promise<{ claimed: number; ticketed: boolean; retryAt?: Date }> {
  const { db, push, log } = deps;
  const claimed = await claimDue(db);
  if (claimed.length === 0) return { claimed: 0, ticketed: false };
  const byId = new Map(claimed.map((n) => [n.id, n]));
  const targets = await targetsOf(
    db,
    claimed.map((n) => n.id),
  );
  const messages = targets.flatMap((target) => {
    const n = byId.get(target.notificationId);
    if (!n) return [];
    const data = { ...n.data, notification_id: n.id, kind: n.kind };
    return [{ target, message: { to: target.token, title: n.title, body: n.body, data, ...styleOf(n.kind) } }];
  });
  const forToken = new Map(messages.map((m) => [`${m.target.notificationId} ${m.target.token}`, m.target]));

  const unsent = new Set<string>();
  const gone = new Set<string>();
  let ticketed = false;
  const chunks = push.chunk(messages.map((m) => m.message));
  await Promise.all(
    chunks.map(async (chunk) => {
      const chunkTargets = chunk.flatMap((message, i) => {
        const n = message.data?.notification_id;
        const target = forToken.get(`${String(n)} ${String(message.to)}`);
        return target ? [{ target, i }] : [];
      });
      let outcomes: Outcome[];
      try {
        outcomes = (await push.send(chunk)).map(outcomeOf);
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        const retryable = status === undefined || status === 429 || status >= 500;
        log.warn({ err: error, status, messages: chunk.length, retryable }, 'push service refused a chunk');
        if (retryable) {
          for (const { target } of chunkTargets) unsent.add(target.notificationId);
          return;
        }
        // Refused as a whole (a bad access token, say): sending it again would be refused again.
        outcomes = chunk.map(() => ({ ok: false, error: `HTTP ${status}`, message: String(error) }));
      }
      const rows = chunkTargets.flatMap(({ target, i }) => {
        const outcome = outcomes[i];
        if (!outcome) return [];
        if (!outcome.ok && RETRY_LATER.has(outcome.error)) {
          unsent.add(target.notificationId);
          return [];
        }
        if (!outcome.ok) {
          if (outcome.error === 'DeviceNotRegistered') gone.add(target.token);
          log.warn({ token: target.token, error: outcome.error, message: outcome.message }, 'push ticket refused');
        }
        const ticketId = outcome.ok && push.sends ? outcome.id : null;
        if (ticketId) ticketed = true;
        return [
          {
            notificationId: target.notificationId,
            expoPushToken: target.token,
            ticketStatus: !push.sends ? ('logged' as const) : outcome.ok ? ('ok' as const) : ('error' as const),
            ticketId,
            ticketError: outcome.ok ? null : outcome.error,
          },
        ];
      });
      if (!push.sends)
        for (const message of chunk)
          log.info(
            { to: message.to, title: message.title, channel: message.channelId },
            'push (not sent: logging only)',
          );
      if (rows.length > 0) await db.insert(pushMessages).values(rows).onConflictDoNothing();
    }),
  );
  if (gone.size > 0) await db.delete(devices).where(inArray(devices.expoPushToken, [...gone]));

  const now = Date.now();
  const done = claimed.filter((n) => !unsent.has(n.id) || now - n.createdAt.getTime() > GIVE_UP_MS);
  const later = claimed.filter((n) => !done.includes(n));
  for (const n of done)
    if (unsent.has(n.id)) log.error({ notification: n.id, attempts: n.attempts }, 'push given up: the news is too old');
  if (done.length > 0)
    await db
      .update(notifications)
      .set({ sentAt: sql`now()`, pushDueAt: null })
      .where(
        anyId(
          notifications.id,
          done.map((n) => n.id),
        ),
      );
  let retryAt: Date | undefined;
  for (const n of later) {
    const at = new Date(now + pushRetryDelayMs(n.attempts));
    await db.update(notifications).set({ pushDueAt: at }).where(eq(notifications.id, n.id));
    if (!retryAt || at < retryAt) retryAt = at;
  }
  return { claimed: claimed.length, ticketed, retryAt };
}

/** Asks for the receipts of tickets sent long enough ago, in Expo's batches, and acts on each. */
async function checkReceipts(deps: PushDeps) {
  const { db, push, log, receiptDelayMs } = deps;
  const dueBefore = new Date(Date.now() - receiptDelayMs);
  for (;;) {
    const due = await db
      .select({ ticketId: pushMessages.ticketId, token: pushMessages.expoPushToken, sentAt: pushMessages.sentAt })
      .from(pushMessages)
      .where(
        and(
          isNotNull(pushMessages.ticketId),
          isNull(pushMessages.receiptCheckedAt),
          lte(pushMessages.sentAt, dueBefore),
        ),
      )
      .orderBy(pushMessages.sentAt)
      .limit(3000);
    if (due.length === 0) break;
    const byTicket = new Map(due.map((row) => [row.ticketId ?? '', row]));
    let settled = 0;
    for (const ids of push.chunkReceiptIds([...byTicket.keys()])) {
      const receipts = await push.receipts(ids);
      const gone: string[] = [];
      for (const id of ids) {
        const row = byTicket.get(id);
        const receipt: ExpoPushReceipt | undefined = receipts[id];
        if (!row) continue;
        // Not there yet: asked again next time, until Expo would have dropped it.
        if (!receipt && Date.now() - row.sentAt.getTime() < RECEIPTS_KEPT_MS) continue;
        const error = !receipt
          ? 'NoReceipt'
          : receipt.status === 'error'
            ? (receipt.details?.error ?? 'Unknown')
            : null;
        if (error === 'DeviceNotRegistered') gone.push(row.token);
        else if (error)
          await logReceiptError(deps, row.token, error, receipt?.status === 'error' ? receipt.message : '');
        await db
          .update(pushMessages)
          .set({ receiptStatus: error ? 'error' : 'ok', receiptError: error, receiptCheckedAt: sql`now()` })
          .where(eq(pushMessages.ticketId, id));
        settled += 1;
      }
      if (gone.length > 0) {
        await db.delete(devices).where(inArray(devices.expoPushToken, gone));
        log.info({ devices: gone.length }, 'devices no longer registered were removed');
      }
    }
    if (settled === 0) break;
  }
  const [next] = await db
    .select({ sentAt: pushMessages.sentAt })
    .from(pushMessages)
    .where(and(isNotNull(pushMessages.ticketId), isNull(pushMessages.receiptCheckedAt)))
    .orderBy(pushMessages.sentAt)
    .limit(1);
  if (next) {
    // Not before the receipts are due, nor sooner than a minute (or the delay) from now: no hot loop.
    const at = Math.max(next.sentAt.getTime() + receiptDelayMs, Date.now() + Math.min(receiptDelayMs, 60_000));
    await scheduleOnce(db, pushJobs.receipts, new Date(at));
  }
}

async function logReceiptError(deps: PushDeps, token: string, error: string, message: string) {
  const [device] = await deps.db
    .select({ userId: devices.userId, platform: devices.platform, app: devices.app })
    .from(devices)
    .where(eq(devices.expoPushToken, token));
  deps.log.error({ token, error, message, device }, 'push receipt reports an error');
}

/** The runner's handlers for pushes: the outbox's sender and the receipts' reader. */
export function pushJobHandlers(deps: PushDeps): Record<string, JobHandler> {
  return {
    async [pushJobs.send]() {
      let ticketed = false;
      let retryAt: Date | undefined;
      for (;;) {
        const round = await sendRound(deps);
        ticketed ||= round.ticketed;
        if (round.retryAt && (!retryAt || round.retryAt < retryAt)) retryAt = round.retryAt;
        if (round.claimed < BATCH) break;
      }
      // What this run could not send has a run coming for it (rows of a sender that died come due
      // again within its lease, and its job is retried by the runner).
      if (retryAt) await scheduleOnce(deps.db, pushJobs.send, retryAt);
      if (ticketed) await scheduleOnce(deps.db, pushJobs.receipts, new Date(Date.now() + deps.receiptDelayMs));
    },
    async [pushJobs.receipts]() {
      await checkReceipts(deps);
    },
  };
}
