/** Opening hours per weekday in the store's own time zone; a day with no intervals is closed. */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** "HH:MM" local times. `close` at or before `open` runs past midnight (18:00–02:00). */
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

/** The local calendar day and time of `instant` in `timeZone`. */
function localParts(instant: Date, timeZone: string) {
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

/** The instant at which the wall clock in `timeZone` shows `dayAsUtc + minutes`. */
function instantOf(dayAsUtc: number, minutes: number, timeZone: string): Date {
  const wall = dayAsUtc + minutes * MINUTE;
  // Guess with the zone's offset at the wall time read as UTC, then correct once (enough for DST shifts).
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const seen = localParts(new Date(guess), timeZone);
    guess += wall - (seen.dayAsUtc + seen.minutes * MINUTE);
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
  const at = (minutes: number) => instantOf(local.dayAsUtc, minutes, timeZone);
  const current = spans.find(([start, end]) => start <= local.minutes && local.minutes < end);
  if (current) {
    // Back-to-back intervals (09:00–13:00, 13:00–18:00) are one stretch of being open.
    let end = current[1];
    for (const [start, next] of spans) if (start <= end && next > end) end = next;
    return { isOpen: true, closesAt: at(end), opensAt: null };
  }
  const next = spans.find(([start]) => start > local.minutes);
  return { isOpen: false, closesAt: null, opensAt: next ? at(next[0]) : null };
}
