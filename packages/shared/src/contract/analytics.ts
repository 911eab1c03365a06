import { z } from 'zod';
import { analyticsRanges } from './choices';
import { id, timestamp } from './common';
import { orderActor } from './orders';

export const analyticsRange = z.enum(analyticsRanges);
export type AnalyticsRange = z.infer<typeof analyticsRange>;

export const analyticsQuery = z.object({ range: analyticsRange.default('today') });

const count = z.number().int().min(0);
const paise = z.number().int().min(0);

const bucket = z.object({ orders: count, revenue_paise: paise });

const topProduct = z.object({ product_id: id, name: z.string(), quantity: count, revenue_paise: paise });
export type TopProduct = z.infer<typeof topProduct>;

/**
 * A store's figures over a range of its own calendar days (in the store's time zone), up to now.
 * Every order belongs to the local hour and day it was placed in, and everything that happened to
 * it after (delivery, acceptance, rejection …) counts there: "today" is today's orders and what
 * became of them.
 */
export const storeAnalytics = z.object({
  range: analyticsRange,
  time_zone: z.string(),
  /** Local midnight at the start of the range, and when the figures were made. */
  from: timestamp,
  to: timestamp,
  orders: count.describe('Orders placed'),
  delivered_orders: count,
  revenue_paise: paise.describe("The delivered orders' totals"),
  average_basket_paise: paise.nullable().describe('Revenue per delivered order (null with none delivered)'),
  acceptance_rate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      'Accepted ÷ (accepted + rejected + not answered in time); orders the customer cancelled before an answer, and those still waiting, are left out. Null when none counts.',
    ),
  average_prep_seconds: count
    .nullable()
    .describe('Mean time from accepted to ready for pickup, over the orders that got there'),
  /** By the reason picked from the list (`out_of_stock`, `closing_soon`, `too_busy`, `other`). */
  rejections: z.array(z.object({ reason: z.string().nullable(), orders: count })),
  cancellations: z.array(z.object({ by: orderActor, reason: z.string().nullable(), orders: count })),
  /** The five best sellers among delivered orders, by units and by revenue. */
  top_products: z.object({ by_quantity: z.array(topProduct), by_revenue: z.array(topProduct) }),
  /** 24 buckets, local hours 0 … 23. */
  by_hour: z.array(bucket.extend({ hour: z.number().int().min(0).max(23) })),
  /** One bucket per local day of the range, oldest first (none for today). */
  by_day: z.array(bucket.extend({ date: z.iso.date() })),
});
export type StoreAnalytics = z.infer<typeof storeAnalytics>;
