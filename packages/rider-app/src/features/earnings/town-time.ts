/**
 * Days and clock times as the town reads them (Asia/Kolkata), whatever zone the phone is set to:
 * a rider's "today" is the town's. India Standard Time is UTC+05:30 all year (no summer time since
 * 1945), so a fixed offset is exact, and it spares us `Intl` time zones, which not every Hermes
 * build carries.
 */
const TOWN_OFFSET_MS = (5 * 60 + 30) * 60_000;
const DAY_MS = 24 * 3600_000;

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The instant shifted so its UTC fields read the town's wall clock. */
const wallClock = (at: Date | string) => new Date(new Date(at).getTime() + TOWN_OFFSET_MS);

/** The town's calendar day of an instant, as a number of days since 1970-01-01: equal numbers, same day. */
export function townDay(at: Date | string): number {
  return Math.floor(wallClock(at).getTime() / DAY_MS);
}

/** "14:05": the town's clock at that instant. */
export function townClock(at: Date | string): string {
  const wall = wallClock(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

export interface DayWords {
  today: string;
  yesterday: string;
}

/** "Today", "Yesterday", or the weekday and date ("Mon 30 Nov") of a town day from `townDay`. */
export function dayTitle(day: number, now: Date, words: DayWords): string {
  const today = townDay(now);
  if (day === today) return words.today;
  if (day === today - 1) return words.yesterday;
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear() === wallClock(now).getUTCFullYear() ? '' : ` ${date.getUTCFullYear()}`;
  return `${weekdays[date.getUTCDay()]} ${date.getUTCDate()} ${months[date.getUTCMonth()]}${year}`;
}

export interface DayGroup<T> {
  day: number;
  title: string;
  items: T[];
}

/** Items in runs by their town day, in the order they come (newest first in, newest day first out). */
export function groupByDay<T>(items: readonly T[], at: (item: T) => string, now: Date, words: DayWords): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = townDay(at(item));
    const last = groups[groups.length - 1];
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, title: dayTitle(day, now, words), items: [item] });
  }
  return groups;
}
