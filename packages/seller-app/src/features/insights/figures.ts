import type { StoreAnalytics } from '@kupwara/shared';
import { formatPaise } from '@kupwara/shared/ui';
import { messages } from '../../messages';

const words = messages.insights;

/** The five figure cards, in the order they are shown: label and value, a dash where there is nothing to say. */
export function figureCards(figures: StoreAnalytics): { key: string; label: string; value: string }[] {
  const none = words.none;
  return [
    { key: 'revenue', label: words.revenue, value: formatPaise(figures.revenue_paise) },
    { key: 'orders', label: words.orders, value: String(figures.orders) },
    {
      key: 'basket',
      label: words.basket,
      value: figures.average_basket_paise === null ? none : formatPaise(figures.average_basket_paise),
    },
    {
      key: 'acceptance',
      label: words.acceptance,
      value: figures.acceptance_rate === null ? none : `${Math.round(figures.acceptance_rate * 100)}%`,
    },
    {
      key: 'prep',
      label: words.prep,
      value: prepWords(figures.average_prep_seconds),
    },
  ];
}

/** Minutes, rounded; under one is said so rather than "0 min". */
function prepWords(seconds: number | null): string {
  if (seconds === null) return words.none;
  return seconds < 60 ? words.underAMinute : words.minutes(Math.round(seconds / 60));
}

/** A reason as the shop reads it: the app's words for the codes it knows, the stored text otherwise. */
export function reasonWords(reason: string | null): string {
  if (reason === null) return words.noReason;
  return words.reasons[reason as keyof typeof words.reasons] ?? reason;
}

/** Who cancelled, and why, in one line. */
export function cancellationWords(row: StoreAnalytics['cancellations'][number]): string {
  if (row.by === 'customer') return row.reason ? `${words.byCustomer}: ${row.reason}` : words.byCustomer;
  if (row.by === 'system') return words.notAnswered;
  return reasonWords(row.reason);
}

/** "18:00–19:00": an hour bucket as a span of the clock. */
export const hourSpan = (hour: number) =>
  `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00`;

/** The busiest hour in words, for the chart's screen-reader label (undefined with no orders). */
export function busiestHour(figures: StoreAnalytics): string | undefined {
  const top = figures.by_hour.reduce((best, bucket) => (bucket.orders > best.orders ? bucket : best));
  if (top.orders === 0) return undefined;
  return words.busiest(hourSpan(top.hour), top.orders, formatPaise(top.revenue_paise));
}
