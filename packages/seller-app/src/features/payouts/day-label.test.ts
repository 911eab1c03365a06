import { dayLabel } from './day-label';

const words = { today: 'Today', yesterday: 'Yesterday' };

describe('dayLabel', () => {
  it('says today and yesterday against the shop’s today, and the weekday and date before that', () => {
    expect(dayLabel('2026-12-03', '2026-12-03', words)).toBe('Today');
    expect(dayLabel('2026-12-02', '2026-12-03', words)).toBe('Yesterday');
    expect(dayLabel('2026-12-01', '2026-12-03', words)).toBe('Tue 1 Dec');
    // Across a month and a year.
    expect(dayLabel('2026-12-31', '2027-01-01', words)).toBe('Yesterday');
    expect(dayLabel('2026-11-30', '2026-12-03', words)).toBe('Mon 30 Nov');
  });
});
