/** "HH:MM" on the phone's own clock and time zone, for an ISO timestamp from the server. */
export function formatClockTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The same, with the weekday when it is not today: "09:30", or "Tue 09:30". */
export function formatClockTimeWithDay(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = formatClockTime(iso);
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString('en-IN', { weekday: 'short' })} ${time}`;
}
