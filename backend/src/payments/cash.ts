import {
  type CashSettlement,
  type CashSettlementRequest,
  cashToCollect,
  formatPaise,
  type OrderStatus,
  type RiderCash,
} from '@kupwara/shared';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { lockRider } from '../accounts/users';
import { requestNotifications } from '../notifications/requests';
import type { EventEffects } from '../orders/effects';
import { orders } from '../orders/tables';
import type { Db } from '../platform/db';
import { AppError, notFound } from '../platform/http/errors';
import { type IdempotentResponse, runOnce } from '../platform/idempotency';
import { newId } from '../platform/ids';
import type { Job, JobHandler } from '../platform/jobs';
import { cashSettlements, payments } from './tables';

/** The payments module's job kinds for cash. */
export const cashJobs = {
  /** A cash order was delivered: its rider took the total at the door. */
  collected: 'payments.cash-collected',
} as const;

type CashCollectedJob = { order_id: string; rider_id: string | null; amount_paise: number; collected_at: string };

const delivered: OrderStatus = 'DELIVERED';

/**
 * What payments does after an order's moves (the orders module runs it with its own side effects):
 * a cash order delivered puts the cash its rider took in the ledger. The rider confirmed the sum
 * at the door (transitions.ts refuses any other); the ledger takes the order's total, never the app's.
 */
export const cashEffects: EventEffects = (order, event) => {
  if (event.kind !== 'transition' || event.status !== delivered) return [];
  const amount = cashToCollect(order.paymentMethod, order.totalPaise);
  if (amount <= 0) return [];
  const payload: CashCollectedJob = {
    order_id: order.id,
    rider_id: order.riderId,
    amount_paise: amount,
    collected_at: event.recordedAt.toISOString(),
  };
  return [{ kind: cashJobs.collected, payload }];
};

/** The cash row of a delivered order, once however often the job runs (`payments_cash_once`). */
export function cashJobHandlers({ db }: { db: Db }): Record<string, JobHandler> {
  return {
    async [cashJobs.collected](job: Job) {
      const cash = job.payload as CashCollectedJob;
      const at = new Date(cash.collected_at);
      await db
        .insert(payments)
        .values({
          id: newId(),
          orderId: cash.order_id,
          kind: 'cash',
          status: 'collected',
          amountPaise: cash.amount_paise,
          riderId: cash.rider_id,
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoNothing();
    },
  };
}

/** The cash a rider holds now: all they took at doors, less all they handed over. */
export async function cashHeldBy(db: Db, riderId: string): Promise<number> {
  const result = await db.execute<{ paise: number }>(sql`
    SELECT (
      (SELECT coalesce(sum(${payments.amountPaise}), 0) FROM ${payments}
        WHERE ${payments.riderId} = ${riderId} AND ${payments.kind} = 'cash')
      - (SELECT coalesce(sum(${cashSettlements.amountPaise}), 0) FROM ${cashSettlements}
        WHERE ${cashSettlements.riderId} = ${riderId})
    )::float8 AS paise
  `);
  return Number(result.rows[0]?.paise ?? 0);
}

/** How far back the rider's cash lists go. */
const RECENT_DAYS = 30;

/** A rider's cash in hand, with what they took and what they handed over in the last 30 days, newest first. */
export async function riderCash(db: Db, riderId: string, now = new Date()): Promise<RiderCash> {
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 3600_000);
  const [inHand, collected, settled] = await Promise.all([
    cashHeldBy(db, riderId),
    db
      .select({
        orderId: payments.orderId,
        storeName: orders.storeName,
        amountPaise: payments.amountPaise,
        at: payments.createdAt,
      })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(and(eq(payments.riderId, riderId), eq(payments.kind, 'cash'), gt(payments.createdAt, since)))
      .orderBy(desc(payments.createdAt)),
    db
      .select()
      .from(cashSettlements)
      .where(and(eq(cashSettlements.riderId, riderId), gt(cashSettlements.createdAt, since)))
      .orderBy(desc(cashSettlements.createdAt)),
  ]);
  return {
    in_hand_paise: inHand,
    collected: collected.map((row) => ({
      order_id: row.orderId,
      store_name: row.storeName,
      amount_paise: row.amountPaise,
      collected_at: row.at.toISOString(),
    })),
    settlements: settled.map((row) => ({
      id: row.id,
      amount_paise: row.amountPaise,
      note: row.note,
      settled_at: row.createdAt.toISOString(),
    })),
  };
}

/**
 * An operator records cash a rider handed over, once per Idempotency-Key. The rider's account is
 * locked first, so settlements made at the same moment are weighed one after another against what
 * the rider holds: together they can never take more than that. The rider is told how much they
 * handed over and what they still hold.
 */
export async function recordCashSettlement(
  db: Db,
  operatorId: string,
  riderId: string,
  input: CashSettlementRequest,
  key: string,
  now = new Date(),
): Promise<IdempotentResponse<CashSettlement>> {
  const request = {
    userId: operatorId,
    key,
    method: 'POST',
    path: `/admin/riders/${riderId}/cash-settlements`,
    body: input,
  };
  return runOnce(db, request, async (tx) => {
    const rider = await lockRider(tx, riderId);
    if (!rider) throw notFound('Rider');
    const held = await cashHeldBy(tx, riderId);
    if (input.amount_paise > held) {
      throw new AppError(
        422,
        'SETTLEMENT_TOO_LARGE',
        `${rider.name} holds ${formatPaise(held)}: a settlement cannot be more than that`,
        { in_hand_paise: held },
      );
    }
    const id = newId();
    const left = held - input.amount_paise;
    const body: CashSettlement = {
      id,
      rider_id: riderId,
      amount_paise: input.amount_paise,
      note: input.note ?? null,
      settled_at: now.toISOString(),
      in_hand_paise: left,
    };
    return {
      statusCode: 201,
      body,
      writes: [
        tx.insert(cashSettlements).values({
          id,
          riderId,
          amountPaise: input.amount_paise,
          note: body.note,
          recordedBy: operatorId,
          createdAt: now,
        }),
        // No order to open: the rider app leads this one to their cash.
        ...requestNotifications(tx, [
          {
            userId: riderId,
            template: 'rider.cash_settled',
            values: { amount: formatPaise(input.amount_paise), in_hand: formatPaise(left) },
            data: { settlement_id: id },
            dedupeKey: `cash-settled:${id}`,
          },
        ]),
      ],
    };
  });
}
