import type { AnalyticsRange, OrderActor, OrderStatus, StoreAnalytics, TopProduct } from '@kupwara/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db';

/** How many of the store's calendar days each range covers, today included. */
export const rangeDays: Record<AnalyticsRange, number> = { today: 1, '7d': 7, '30d': 30 };

const TOP = 5;

// The states the figures look for, each named once (no line lists two: see status-lists.test.ts).
/** Where the shop first has an order (a paid one's earlier wait for its payment is not the shop's). */
const pending: OrderStatus = 'PENDING';
const accepted: OrderStatus = 'ACCEPTED';
const ready: OrderStatus = 'READY_FOR_PICKUP';
const delivered: OrderStatus = 'DELIVERED';
const rejected: OrderStatus = 'REJECTED';
const cancelled: OrderStatus = 'CANCELLED';
/** A cancel by the server while the order waited for the shop: the shop did not answer in time. */
const server: OrderActor = 'system';

export interface AnalyticsStore {
  id: string;
  timeZone: string;
}

type Figures = {
  from_at: Date;
  summary: {
    orders: number;
    delivered_orders: number;
    revenue_paise: number;
    accepted: number;
    answered: number;
    prep_seconds: number | null;
  };
  rejections: StoreAnalytics['rejections'];
  cancellations: StoreAnalytics['cancellations'];
  by_quantity: TopProduct[];
  by_revenue: TopProduct[];
  by_hour: StoreAnalytics['by_hour'];
  by_day: StoreAnalytics['by_day'];
};

/**
 * A store's figures from local midnight `rangeDays` days back up to `now`, in one statement over
 * the analytics facts (one range scan of each facts table's (store, time) index).
 *
 * Every order counts in the local hour and day it was placed in, with all that became of it:
 * revenue is the delivered orders' totals; the acceptance rate is accepted ÷ (accepted + rejected
 * + cancelled by the server for want of an answer), so an order the customer cancelled before the
 * shop answered, or one still waiting, counts neither way; preparation runs from accepted to ready.
 */
export function analyticsStatement(store: AnalyticsStore, range: AnalyticsRange, now: Date) {
  const tz = store.timeZone;
  const at = now.toISOString();
  const days = rangeDays[range];
  return sql`
    WITH span AS (
      SELECT (date_trunc('day', ${at}::timestamptz AT TIME ZONE ${tz}) - make_interval(days => ${days - 1}::int))
        AT TIME ZONE ${tz} AS from_at
    ),
    facts AS (
      SELECT f.order_id, f.seq, f.status, f.actor, f.total_paise, f.occurred_at FROM order_facts f, span
      WHERE f.store_id = ${store.id} AND f.occurred_at >= span.from_at AND f.occurred_at <= ${at}::timestamptz
    ),
    placed AS (
      SELECT order_id,
        min(occurred_at) FILTER (WHERE status = ${pending}) AT TIME ZONE ${tz} AS local_at,
        max(total_paise) AS total_paise,
        bool_or(status = ${delivered}) AS delivered,
        min(occurred_at) FILTER (WHERE status = ${accepted}) AS accepted_at,
        min(occurred_at) FILTER (WHERE status = ${ready}) AS ready_at,
        bool_or(status = ${rejected}) AS rejected,
        bool_or(status = ${cancelled} AND actor = ${server}) AS unanswered
      FROM facts
      GROUP BY order_id
      HAVING bool_or(status = ${pending})
    ),
    -- Materialized, so each is one range scan joined by hash, not a key lookup per order.
    lines AS MATERIALIZED (
      SELECT l.order_id, l.product_id, l.quantity, l.line_paise, l.name, l.placed_at
      FROM order_line_facts l, span
      WHERE l.store_id = ${store.id} AND l.placed_at >= span.from_at
    ),
    products AS (
      SELECT l.product_id, (array_agg(l.name ORDER BY l.placed_at DESC))[1] AS name,
        sum(l.quantity)::float8 AS quantity, sum(l.line_paise)::float8 AS revenue_paise
      FROM lines l JOIN placed p ON p.order_id = l.order_id AND p.delivered
      GROUP BY l.product_id
    ),
    -- The few facts with a reason worth reading, then their reasons by key.
    answers AS MATERIALIZED (
      SELECT f.order_id, f.seq, f.status, f.actor FROM facts f JOIN placed USING (order_id)
      WHERE f.status = ${rejected} OR f.status = ${cancelled}
    ),
    reasons AS (
      SELECT a.status, a.actor, r.reason, r.reason_code
      FROM answers a JOIN order_facts r ON r.order_id = a.order_id AND r.seq = a.seq
    ),
    hours AS (
      SELECT h AS hour, count(p.order_id)::int AS orders,
        coalesce(sum(p.total_paise) FILTER (WHERE p.delivered), 0)::float8 AS revenue_paise
      FROM generate_series(0, 23) h LEFT JOIN placed p ON extract(hour FROM p.local_at) = h
      GROUP BY h
    ),
    local_days AS (
      SELECT d::date AS day FROM span, generate_series(
        (span.from_at AT TIME ZONE ${tz})::date::timestamp,
        (${at}::timestamptz AT TIME ZONE ${tz})::date::timestamp,
        interval '1 day'
      ) d
      WHERE ${days}::int > 1
    ),
    day_buckets AS (
      SELECT to_char(d.day, 'YYYY-MM-DD') AS date, d.day, count(p.order_id)::int AS orders,
        coalesce(sum(p.total_paise) FILTER (WHERE p.delivered), 0)::float8 AS revenue_paise
      FROM local_days d LEFT JOIN placed p ON p.local_at::date = d.day
      GROUP BY d.day
    )
    SELECT
      (SELECT from_at FROM span) AS from_at,
      (SELECT json_build_object(
        'orders', count(*),
        'delivered_orders', count(*) FILTER (WHERE delivered),
        'revenue_paise', coalesce(sum(total_paise) FILTER (WHERE delivered), 0),
        'accepted', count(*) FILTER (WHERE accepted_at IS NOT NULL),
        'answered', count(*) FILTER (WHERE accepted_at IS NOT NULL OR rejected OR unanswered),
        'prep_seconds', avg(extract(epoch FROM ready_at - accepted_at))
      ) FROM placed) AS summary,
      (SELECT coalesce(json_agg(json_build_object('reason', reason, 'orders', n) ORDER BY n DESC, reason), '[]')
        FROM (SELECT coalesce(reason_code, reason) AS reason, count(*) AS n FROM reasons
          WHERE status = ${rejected} GROUP BY 1) r) AS rejections,
      (SELECT coalesce(json_agg(json_build_object('by', actor, 'reason', reason, 'orders', n) ORDER BY n DESC, actor, reason), '[]')
        FROM (SELECT actor, reason, count(*) AS n FROM reasons
          WHERE status = ${cancelled} GROUP BY actor, reason) c) AS cancellations,
      (SELECT coalesce(json_agg(t ORDER BY t.quantity DESC, t.revenue_paise DESC, t.name), '[]')
        FROM (SELECT * FROM products ORDER BY quantity DESC, revenue_paise DESC, name LIMIT ${TOP}) t) AS by_quantity,
      (SELECT coalesce(json_agg(t ORDER BY t.revenue_paise DESC, t.quantity DESC, t.name), '[]')
        FROM (SELECT * FROM products ORDER BY revenue_paise DESC, quantity DESC, name LIMIT ${TOP}) t) AS by_revenue,
      (SELECT json_agg(hours ORDER BY hour) FROM hours) AS by_hour,
      (SELECT coalesce(json_agg(json_build_object('date', date, 'orders', orders, 'revenue_paise', revenue_paise) ORDER BY day), '[]')
        FROM day_buckets) AS by_day
  `;
}

/** The store's figures for the range, made at `now`. */
export async function storeAnalytics(
  db: Db,
  store: AnalyticsStore,
  range: AnalyticsRange,
  now = new Date(),
): Promise<StoreAnalytics> {
  const result = await db.execute<Figures>(analyticsStatement(store, range, now));
  const [figures] = result.rows;
  if (!figures) throw new Error('the analytics statement returned no row');
  const { summary } = figures;
  return {
    range,
    time_zone: store.timeZone,
    from: new Date(figures.from_at).toISOString(),
    to: now.toISOString(),
    orders: summary.orders,
    delivered_orders: summary.delivered_orders,
    revenue_paise: summary.revenue_paise,
    average_basket_paise:
      summary.delivered_orders > 0 ? Math.round(summary.revenue_paise / summary.delivered_orders) : null,
    acceptance_rate: summary.answered > 0 ? summary.accepted / summary.answered : null,
    average_prep_seconds: summary.prep_seconds === null ? null : Math.round(summary.prep_seconds),
    rejections: figures.rejections,
    cancellations: figures.cancellations,
    top_products: { by_quantity: figures.by_quantity, by_revenue: figures.by_revenue },
    by_hour: figures.by_hour,
    by_day: figures.by_day,
  };
}
