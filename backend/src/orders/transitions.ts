import { timingSafeEqual } from 'node:crypto';
import {
  applyTransition,
  awaitsPayment,
  initialStatus,
  type Order,
  type PaymentEntry,
  paymentStateAfter,
  type TransitionRequest,
} from '@kupwara/shared';
import { and, eq } from 'drizzle-orm';
import { contactOf } from '../accounts/users';
import type { SmsSender } from '../notifications/order-sms';
import { type NotificationRequest, requestNotifications } from '../notifications/requests';
import type { Bus } from '../platform/bus';
import type { Cache } from '../platform/cache';
import type { Db } from '../platform/db';
import { AppError, invalidField, notFound } from '../platform/http/errors';
import { runOnce, type WorkResult } from '../platform/idempotency';
import { enqueue, wakeRunners } from '../platform/jobs';
import { actorOf, partyCondition } from './access';
import { type EventEffects, effectsOf, releaseJobs } from './effects';
import { orderDetails, orderParts } from './order-queries';
import { type OrderCaller, type OrderEventRow, type OrderRow, orderView } from './order-view';
import { orderEvents, orders } from './tables';

export interface OrderDeps {
  db: Db;
  bus: Bus;
  cache: Cache;
  /** How long a shop has to answer a new order before it is cancelled for them. */
  pendingTimeoutMs: number;
  /** Other modules' side effects of an order's events (delivery's), composed in app.ts. */
  eventEffects: readonly EventEffects[];
  /** Text messages for what must not be missed; absent unless SMS is configured. */
  sms?: { sender: SmsSender; newOrderAfterMs: number };
  /** Whether a payment gateway is configured: without one, orders are cash only. */
  onlinePayments: boolean;
  /** How long an order paid online may wait for its payment. */
  paymentTimeoutMs: number;
  /** An order's payment ledger, for its customer's and an operator's view (the payments module's, composed in app.ts). */
  paymentHistory?: (db: Db, orderId: string) => Promise<PaymentEntry[]>;
}

/** Wrong delivery codes allowed before the hand-over locks (4 digits: 5 guesses in 10,000). */
export const MAX_OTP_ATTEMPTS = 5;

const sameCode = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

const needField = {
  reason: 'body.reason',
  otp: 'body.otp',
  rider: 'body.rider_id',
  prep: 'body.prep_minutes',
  rejection: 'body.reject_reason',
} as const;

/**
 * When the person acted, as their phone says, kept between the order's previous event and now:
 * phone clocks drift, and steps queued offline arrive late, but the timeline never runs backwards.
 */
function occurredAt(claimed: string | undefined, previous: Date, now: Date): Date {
  if (!claimed) return now;
  const time = Math.min(Math.max(Date.parse(claimed), previous.getTime()), now.getTime());
  return new Date(time);
}

/** The moved order, or a refusal that still commits (a wrong code is counted). */
const otpLockedNotice = (row: OrderRow): NotificationRequest => ({
  userId: row.sellerId,
  template: 'seller.otp_locked',
  values: { rider: row.riderName ?? 'The rider', attempts: MAX_OTP_ATTEMPTS, customer: row.customerName },
  data: { order_id: row.id },
  dedupeKey: `otp-locked:${row.id}`,
});

type TransitionWork = WorkResult<Order | { error: object }>;

/**
 * Moves an order one step, if the table allows it for this caller: in one transaction the order is
 * updated (at the version read under lock), the event appended with the next sequence number, and
 * its side effects queued. With an Idempotency-Key, a replay gets the first answer.
 */
export async function transitionOrder(
  deps: OrderDeps,
  caller: OrderCaller,
  orderId: string,
  input: TransitionRequest,
  key?: string,
  now = new Date(),
) {
  // The server's own moves (timeouts) carry no key, so nothing is stored under this empty user.
  const request = { userId: caller.id ?? '', key, method: 'POST', path: `/orders/${orderId}/transitions`, body: input };
  const answer = await runOnce(deps.db, request, async (tx): Promise<TransitionWork> => {
    const [row] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), partyCondition(caller)))
      .for('update');
    if (!row) throw notFound('Order');
    const actor = actorOf(caller);
    const move = applyTransition(row, input, actor);
    if (!move.ok) {
      const { refusal } = move;
      if (refusal.refused === 'stale') {
        throw new AppError(409, 'CONFLICT', 'This order changed since you saw it', {
          current: await orderDetails(tx, row, actor),
        });
      }
      if (refusal.refused === 'invalid') {
        throw new AppError(409, 'INVALID_TRANSITION', `A ${row.status} order cannot become ${input.to}`, {
          status: refusal.status,
          next: refusal.next,
        });
      }
      if (refusal.refused === 'actor') throw new AppError(403, 'FORBIDDEN', `You cannot make this order ${input.to}`);
      throw invalidField(needField[refusal.need], 'is required for this step');
    }
    const from = row.status;
    // Only a captured payment releases an order to its shop (the payments module, as the server itself).
    const released = awaitsPayment(from) && input.to === initialStatus;
    if (released && caller.role !== 'system') {
      throw new AppError(403, 'FORBIDDEN', 'Only a captured payment sends this order to the shop');
    }

    const changes: Partial<typeof orders.$inferInsert> = {};
    if (input.to === 'DELIVERED') {
      if (row.otpAttempts >= MAX_OTP_ATTEMPTS) {
        throw new AppError(409, 'OTP_LOCKED', 'Too many wrong codes: the hand-over is locked, call the shop', {
          store_phone: row.storePhone,
        });
      }
      if (!row.deliveryOtp || !sameCode(input.otp ?? '', row.deliveryOtp)) {
        const left = MAX_OTP_ATTEMPTS - row.otpAttempts - 1;
        const message = left > 0 ? `Wrong code: ${left} tries left` : 'Wrong code: the hand-over is now locked';
        return {
          statusCode: 409,
          body: {
            error: {
              code: 'WRONG_OTP',
              message,
              // The try that locks it also says whom to call, as OTP_LOCKED does.
              details: left > 0 ? { tries_left: left } : { tries_left: 0, store_phone: row.storePhone },
            },
          },
          // Counted in this transaction, which commits: the refusal is the answer, not an exception.
          writes: [
            tx
              .update(orders)
              .set({ otpAttempts: row.otpAttempts + 1 })
              .where(eq(orders.id, row.id)),
            // Locked: the shop hears of it, to call the customer and the rider.
            ...(left > 0 ? [] : requestNotifications(tx, [otpLockedNotice(row)])),
          ],
        };
      }
      changes.deliveryOtp = null;
      // The rider confirms the cash they took; a different sum is a mistake to fix before handing over.
      if (
        input.cash_collected_paise !== undefined &&
        row.paymentMethod === 'cash' &&
        input.cash_collected_paise !== row.totalPaise
      ) {
        throw new AppError(422, 'CASH_MISMATCH', `Collect ${row.totalPaise / 100} rupees: the order's total`, {
          total_paise: row.totalPaise,
        });
      }
    }
    const paymentState = paymentStateAfter(row.paymentState, input.to);
    if (paymentState !== row.paymentState) changes.paymentState = paymentState;
    // Paid: the shop gets the order now, with its time to answer starting now.
    if (released)
      Object.assign(changes, {
        releasedAt: now,
        answerBy: new Date(now.getTime() + deps.pendingTimeoutMs),
        paymentState: 'paid',
      });
    if (input.to === 'RIDER_ASSIGNED' && input.rider_id) {
      const rider = await contactOf(tx, input.rider_id);
      if (rider?.role !== 'rider') throw invalidField('body.rider_id', 'is not a rider');
      Object.assign(changes, { riderId: rider.id, riderName: rider.name, riderPhone: rider.phone });
    }

    const { items, events } = await orderParts(tx, row.id);
    const acted = occurredAt(input.occurred_at, events.at(-1)?.occurredAt ?? row.createdAt, now);
    // Answering a new order is seeing it: the shop's other devices stop ringing with the event.
    if (actor === 'seller' && !row.seenByStoreAt) changes.seenByStoreAt = now;
    if (input.to === 'ACCEPTED' && input.prep_minutes) {
      Object.assign(changes, { prepMinutes: input.prep_minutes, acceptedAt: acted });
    }
    const updated: OrderRow = { ...move.order, ...changes, lastSeq: row.lastSeq + 1, updatedAt: now };
    const event: OrderEventRow = {
      orderId: row.id,
      seq: updated.lastSeq,
      kind: move.event.kind,
      status: input.to,
      fromStatus: from,
      actor,
      actorId: caller.id,
      reason: move.event.reason,
      reasonCode: move.event.reason_code,
      occurredAt: acted,
      recordedAt: now,
    };
    return {
      statusCode: 200,
      body: orderView(updated, items, [...events, event], actor),
      // The row is locked, so the version matches; the event's (order, seq) key would refuse a second apply anyway.
      writes: [
        tx
          .update(orders)
          .set({
            ...changes,
            status: updated.status,
            version: updated.version,
            lastSeq: updated.lastSeq,
            updatedAt: now,
          })
          .where(and(eq(orders.id, row.id), eq(orders.version, row.version))),
        tx.insert(orderEvents).values(event),
        enqueue(tx, [
          ...effectsOf(updated, event, deps.eventEffects),
          ...(released ? releaseJobs(deps, row.id, now) : []),
        ]),
      ],
    };
  });
  if (!answer.replayed && answer.statusCode === 200) await wakeRunners(deps.bus);
  return answer;
}
