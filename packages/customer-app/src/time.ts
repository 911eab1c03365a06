import { formatClockTime } from '@kupwara/shared/ui';

/** A time as the phone's clock shows it: "09:30", or "Tue 09:30" when it is not today. */
export function clockTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = formatClockTime(iso);
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString('en-IN', { weekday: 'short' })} ${time}`;
}
