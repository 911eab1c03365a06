/** "HH:MM" on the phone's own clock and time zone, for an ISO timestamp from the server. */
export function formatClockTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
