/** Opening hours per weekday in the store's own time zone; a day with no intervals is closed. */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/**
 * "HH:MM" local times. `close` at or before `open` runs past midnight (18:00–02:00); `close` may be
 * "24:00", the end of the day, so a whole day is one interval: `{ open: '00:00', close: '24:00' }`.
 */
export interface OpeningInterval {
  open: string;
  close: string;
}
export type OpeningHours = Record<Weekday, OpeningInterval[]>;

export interface OpeningStatus {
  isOpen: boolean;
  /** When open: the end of the current interval. */
  closesAt: Date | null;
  /** When closed: the start of the next interval within a week, if any. */
  opensAt: Date | null;
}

/** Open all day: one interval from midnight to midnight. */
export const WHOLE_DAY: OpeningInterval = { open: '00:00', close: '24:00' };
export const isWholeDay = (intervals: readonly OpeningInterval[]) =>
  intervals.length === 1 && intervals[0]?.open === WHOLE_DAY.open && intervals[0]?.close === WHOLE_DAY.close;

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

// Making an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

type LocalParts = { weekday: number; minutes: number; dayAsUtc: number };

// A list of stores asks about the same few minutes (now, 21:00 today …) once per store: remember them.
const recent = new Map<string, LocalParts>();

/** The local calendar day and time (to the minute) of `instant` in `timeZone`. */
function localParts(instant: Date, timeZone: string): LocalParts {
  const key = `${timeZone}|${Math.floor(instant.getTime() / MINUTE)}`;
  const known = recent.get(key);
  if (known) return known;
  const parts = readParts(instant, timeZone);
  if (recent.size >= 256) recent.clear();
  recent.set(key, parts);
  return parts;
}

function readParts(instant: Date, timeZone: string): LocalParts {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = weekdays.indexOf(get('weekday').toLowerCase() as Weekday);
  return {
    weekday,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
    // Midnight of the local day, as if the local wall clock were UTC.
    dayAsUtc: Date.UTC(Number(get('year')), Number(get('month')) - 1, Number(get('day'))),
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows `dayAsUtc + minutes`. Starts from the
 * zone's offset now (`offsetMs`) and corrects once if a daylight-saving change lies between.
 */
function instantOf(dayAsUtc: number, minutes: number, timeZone: string, offsetMs: number): Date {
  const wall = dayAsUtc + minutes * MINUTE;
  let guess = wall - offsetMs;
  for (let i = 0; i < 2; i++) {
    const seen = localParts(new Date(guess), timeZone);
    const error = wall - (seen.dayAsUtc + seen.minutes * MINUTE);
    if (error === 0) break;
    guess += error;
  }
  return new Date(guess);
}

/** Whether a store keeping `hours` in `timeZone` is open at `now`, and when that changes. */
export function openingStatus(hours: OpeningHours, timeZone: string, now: Date): OpeningStatus {
  const local = localParts(now, timeZone);
  // Intervals as [start, end) minutes from the start of today, from yesterday to a week ahead.
  const spans: [number, number][] = [];
  for (let offset = -1; offset <= 7; offset++) {
    const day = weekdays[(((local.weekday + offset) % 7) + 7) % 7] ?? 'sun';
    for (const interval of hours[day]) {
      const open = minutesOf(interval.open);
      let close = minutesOf(interval.close);
      if (close <= open) close += DAY_MINUTES;
      spans.push([offset * DAY_MINUTES + open, offset * DAY_MINUTES + close]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  // Whole minutes: the offset of the zone now, to the minute (the seconds of `now` are not in the wall time).
  const offsetMs = local.dayAsUtc + local.minutes * MINUTE - Math.floor(now.getTime() / MINUTE) * MINUTE;
  const at = (minutes: number) => instantOf(local.dayAsUtc, minutes, timeZone, offsetMs);
  const current = spans.find(([start, end]) => start <= local.minutes && local.minutes < end);
  if (current) {
    // Back-to-back intervals (09:00–13:00, 13:00–18:00, or whole days) are one stretch of being open.
    let end = current[1];
    for (const [start, next] of spans) if (start <= end && next > end) end = next;
    // A stretch that reaches the end of the week looked at does not close within it (open every day, all day).
    return { isOpen: true, closesAt: end >= 8 * DAY_MINUTES ? null : at(end), opensAt: null };
  }
  const next = spans.find(([start]) => start > local.minutes);
  return { isOpen: false, closesAt: null, opensAt: next ? at(next[0]) : null };
}

/**
 * When a shop next opens after its current stretch of hours: if open now, the opening after it
 * closes; if closed, its next opening. Null when it never closes or never opens within a week.
 */
export function nextOpening(hours: OpeningHours, timeZone: string, now: Date): Date | null {
  const status = openingStatus(hours, timeZone, now);
  if (!status.isOpen) return status.opensAt;
  return status.closesAt ? openingStatus(hours, timeZone, status.closesAt).opensAt : null;
}

const hhmmOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A day's intervals with a break cut out of them (Friday prayers, 13:00–14:30): an interval that
 * spans the break is split in two, one that lies inside it is dropped. Times past midnight are
 * taken as they are written, so a break only cuts the part of the day before midnight.
 */
export function withBreak(intervals: readonly OpeningInterval[], from: string, to: string): OpeningInterval[] {
  const cutFrom = minutesOf(from);
  const cutTo = minutesOf(to);
  const out: OpeningInterval[] = [];
  for (const interval of intervals) {
    const open = minutesOf(interval.open);
    const close = minutesOf(interval.close);
    const end = close <= open ? DAY_MINUTES : close;
    if (end <= cutFrom || open >= cutTo) {
      out.push(interval);
      continue;
    }
    if (open < cutFrom) out.push({ open: interval.open, close: hhmmOf(cutFrom) });
    if (end > cutTo) out.push({ open: hhmmOf(cutTo), close: close <= open ? interval.close : hhmmOf(end) });
  }
  return out;
}
