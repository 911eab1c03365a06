import type { OrderStatus, PaymentMethod, SellerPayouts } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import { orders } from '../orders/tables';
import type { Db } from '../platform/db';

const delivered: OrderStatus = 'DELIVERED';
const cash: PaymentMethod = 'cash';
const online: PaymentMethod = 'online';

export interface PayoutStore {
  id: string;
  sellerId: string;
  timeZone: string;
}

type PayoutDay = SellerPayouts['days'][number];

/**
 * What a shop is owed for each of its last `days` calendar days (today included, in its own time
 * zone), newest first, days without a delivery included: one row per day, in one statement. An
 * order counts on the day it was delivered, for its items only: the delivery fee pays the ride,
 * not the shop. Split by how the customer paid: cash the rider took, or online.
 */
export function payoutsStatement(store: PayoutStore, days: number, now: Date) {
  const tz = store.timeZone;
  const at = now.toISOString();
  const today = sql`(${at}::timestamptz AT TIME ZONE ${tz})::date`;
  return sql`
    WITH local_days AS (
      SELECT d::date AS day
      FROM generate_series((${today} - ${days - 1}::int)::timestamp, ${today}::timestamp, interval '1 day') d
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS date,
      count(${orders.id})::int AS orders,
      coalesce(sum(${orders.subtotalPaise}) FILTER (WHERE ${orders.paymentMethod} = ${cash}), 0)::float8 AS cash_paise,
      coalesce(sum(${orders.subtotalPaise}) FILTER (WHERE ${orders.paymentMethod} = ${online}), 0)::float8 AS online_paise
    FROM local_days d
    LEFT JOIN ${orders} ON ${orders.sellerId} = ${store.sellerId}
      AND ${orders.storeId} = ${store.id}
      AND ${orders.status} = ${delivered}
      -- A delivered order moves no more: its last change is its delivery.
      AND ${orders.updatedAt} >= (d.day::timestamp AT TIME ZONE ${tz})
      AND ${orders.updatedAt} < ((d.day + 1)::timestamp AT TIME ZONE ${tz})
      AND ${orders.updatedAt} <= ${at}::timestamptz
    GROUP BY d.day
    ORDER BY d.day DESC
  `;
}

/** The shop's payouts for its last `days` days, made at `now`. */
export async function sellerPayouts(
  db: Db,
  store: PayoutStore,
  days: number,
  now = new Date(),
): Promise<SellerPayouts> {
  const result = await db.execute<Omit<PayoutDay, 'owed_paise'>>(payoutsStatement(store, days, now));
  const list = result.rows.map(
    (row): PayoutDay => ({
      date: row.date,
      orders: Number(row.orders),
      cash_paise: Number(row.cash_paise),
      online_paise: Number(row.online_paise),
      owed_paise: Number(row.cash_paise) + Number(row.online_paise),
    }),
  );
  return { days: list, total_owed_paise: list.reduce((total, day) => total + day.owed_paise, 0) };
}
