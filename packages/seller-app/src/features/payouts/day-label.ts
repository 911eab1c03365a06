const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const DAY_MS = 24 * 3600_000;
const utc = (date: string) => {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

/**
 * A calendar day of the shop's zone ("2026-12-03", as the server writes it) in words: "Today" and
 * "Yesterday" against the shop's today (the newest day the server lists), else "Thu 3 Dec". Pure
 * date arithmetic: no time zone of the phone comes into it.
 */
export function dayLabel(date: string, today: string, words: { today: string; yesterday: string }): string {
  const days = Math.round((utc(today) - utc(date)) / DAY_MS);
  if (days === 0) return words.today;
  if (days === 1) return words.yesterday;
  const at = new Date(utc(date));
  return `${weekdays[at.getUTCDay()]} ${at.getUTCDate()} ${months[at.getUTCMonth()]}`;
}
