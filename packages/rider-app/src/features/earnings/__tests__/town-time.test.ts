import { dayTitle, groupByDay, townClock, townDay } from '../town-time';

const words = { today: 'Today', yesterday: 'Yesterday' };
// Wednesday 2 December 2026, 10:00 in Kupwara (04:30 UTC).
const now = new Date('2026-12-02T04:30:00Z');

describe("the town's days and times", () => {
  it('reads the clock in India Standard Time, whatever the phone is set to', () => {
    expect(townClock('2026-12-02T04:30:00Z')).toBe('10:00');
    expect(townClock('2026-12-01T18:29:00Z')).toBe('23:59');
    expect(townClock('2026-12-01T18:30:00Z')).toBe('00:00');
  });

  it("starts the town's day at midnight there, 18:30 UTC the day before", () => {
    expect(townDay('2026-12-01T18:29:59.999Z')).toBe(townDay('2026-12-01T00:00:00Z'));
    expect(townDay('2026-12-01T18:30:00Z')).toBe(townDay(now));
    expect(townDay('2026-12-02T18:29:59Z')).toBe(townDay(now));
  });

  it('names today, yesterday, then the weekday and date, with the year only when it is not this one', () => {
    expect(dayTitle(townDay('2026-12-01T19:00:00Z'), now, words)).toBe('Today');
    expect(dayTitle(townDay('2026-12-01T18:00:00Z'), now, words)).toBe('Yesterday');
    expect(dayTitle(townDay('2026-11-30T10:00:00Z'), now, words)).toBe('Mon 30 Nov');
    expect(dayTitle(townDay('2026-11-26T10:00:00Z'), now, words)).toBe('Thu 26 Nov');
    expect(dayTitle(townDay('2025-12-31T10:00:00Z'), now, words)).toBe('Wed 31 Dec 2025');
  });

  it('groups items newest first into runs of one town day each', () => {
    const at = [
      '2026-12-02T03:00:00Z', // today 08:30
      '2026-12-01T19:00:00Z', // today 00:30
      '2026-12-01T18:00:00Z', // yesterday 23:30
      '2026-12-01T06:00:00Z', // yesterday 11:30
      '2026-11-29T12:00:00Z', // Sunday 17:30
    ];
    const groups = groupByDay(at, (iso) => iso, now, words);
    expect(groups.map((group) => [group.title, group.items])).toEqual([
      ['Today', [at[0], at[1]]],
      ['Yesterday', [at[2], at[3]]],
      ['Sun 29 Nov', [at[4]]],
    ]);
    expect(groupByDay([], (iso: string) => iso, now, words)).toEqual([]);
  });
});
