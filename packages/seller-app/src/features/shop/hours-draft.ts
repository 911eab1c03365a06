import type { OpeningHours, OpeningInterval, Weekday } from '@kupwara/shared';
import { isWholeDay, WHOLE_DAY, withBreak } from '@kupwara/shared/values';

/** How a day is kept: closed, open all day, or open in up to four intervals. */
export type DayMode = 'closed' | 'wholeDay' | 'intervals';

/** Monday first, as a shopkeeper reads a week. */
export const weekOrder: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const MAX_INTERVALS = 4;
export const FRIDAY_BREAK = { from: '13:00', to: '14:30' } as const;
const NINE_TO_NINE: OpeningInterval = { open: '09:00', close: '21:00' };

export function dayMode(intervals: readonly OpeningInterval[]): DayMode {
  if (intervals.length === 0) return 'closed';
  return isWholeDay(intervals) ? 'wholeDay' : 'intervals';
}

/** The day in another mode; choosing "hours" on a closed or whole day starts from 09:00–21:00. */
export function withMode(hours: OpeningHours, day: Weekday, mode: DayMode): OpeningHours {
  const next = mode === 'closed' ? [] : mode === 'wholeDay' ? [WHOLE_DAY] : [NINE_TO_NINE];
  if (mode === 'intervals' && dayMode(hours[day]) === 'intervals') return hours;
  return { ...hours, [day]: next };
}

export function copyDay(hours: OpeningHours, from: Weekday, to: readonly Weekday[]): OpeningHours {
  const copied = { ...hours };
  for (const day of to) copied[day] = hours[from].map((interval) => ({ ...interval }));
  return copied;
}

/** Friday's hours with the prayer break cut out (an interval across 13:00–14:30 becomes two). */
export const withFridayBreak = (hours: OpeningHours): OpeningHours => ({
  ...hours,
  fri: withBreak(hours.fri, FRIDAY_BREAK.from, FRIDAY_BREAK.to),
});

export function setInterval(
  hours: OpeningHours,
  day: Weekday,
  index: number,
  change: Partial<OpeningInterval>,
): OpeningHours {
  return { ...hours, [day]: hours[day].map((interval, i) => (i === index ? { ...interval, ...change } : interval)) };
}

export function addInterval(hours: OpeningHours, day: Weekday): OpeningHours {
  if (hours[day].length >= MAX_INTERVALS) return hours;
  const last = hours[day].at(-1);
  const start = last && last.close !== '24:00' ? last.close : '17:00';
  const [h = 17, m = 0] = start.split(':').map(Number);
  const close = `${String(Math.min(h + 2, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return { ...hours, [day]: [...hours[day], { open: start, close: close === start ? '24:00' : close }] };
}

export const removeInterval = (hours: OpeningHours, day: Weekday, index: number): OpeningHours => ({
  ...hours,
  [day]: hours[day].filter((_, i) => i !== index),
});

const OPEN = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The days whose hours the server would refuse, so the editor can say so before sending. */
export function invalidDays(hours: OpeningHours): Weekday[] {
  return weekOrder.filter(
    (day) =>
      hours[day].length > MAX_INTERVALS ||
      hours[day].some((i) => !OPEN.test(i.open) || !CLOSE.test(i.close) || i.open === i.close),
  );
}
