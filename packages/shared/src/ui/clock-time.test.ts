import { describe, expect, it } from 'vitest';
import { formatClockTime, formatClockTimeWithDay } from './clock-time';

// Wall-clock times on the test machine, so the expected "HH:MM" holds in any time zone.
const at = (day: number, hours: number, minutes: number) => new Date(2025, 5, day, hours, minutes).toISOString();
const now = new Date(2025, 5, 17, 12, 0); // a Tuesday

describe('clock time', () => {
  it('is hours and minutes on the phone’s clock, two digits each', () => {
    expect(formatClockTime(at(17, 9, 5))).toBe('09:05');
    expect(formatClockTime(at(17, 23, 59))).toBe('23:59');
  });

  it('names the weekday only when it is not today', () => {
    expect(formatClockTimeWithDay(at(17, 9, 30), now)).toBe('09:30');
    expect(formatClockTimeWithDay(at(16, 21, 0), now)).toBe('Mon 21:00');
    expect(formatClockTimeWithDay(at(18, 6, 45), now)).toBe('Wed 06:45');
  });
});
