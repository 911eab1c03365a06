import type { OpeningHours } from '@kupwara/shared';
import {
  addInterval,
  copyDay,
  dayMode,
  invalidDays,
  removeInterval,
  setInterval,
  withFridayBreak,
  withMode,
} from './hours-draft';

const nine = { open: '09:00', close: '21:00' };
const week: OpeningHours = { mon: [nine], tue: [nine], wed: [nine], thu: [nine], fri: [nine], sat: [nine], sun: [] };

describe('editing a week of hours', () => {
  it('switches a day between closed, open 24 hours and intervals', () => {
    const whole = withMode(week, 'sun', 'wholeDay');
    expect(whole.sun).toEqual([{ open: '00:00', close: '24:00' }]);
    expect(dayMode(whole.sun)).toBe('wholeDay');
    expect(dayMode(withMode(whole, 'sun', 'closed').sun)).toBe('closed');
    expect(withMode(whole, 'sun', 'intervals').sun).toEqual([nine]);
    // A day already in intervals keeps them.
    const split = setInterval(week, 'mon', 0, { close: '13:00' });
    expect(withMode(split, 'mon', 'intervals').mon).toEqual([{ open: '09:00', close: '13:00' }]);
  });

  it('copies Monday to other days without sharing the intervals', () => {
    const copied = copyDay(withMode(week, 'mon', 'wholeDay'), 'mon', ['tue', 'sun']);
    expect(copied.tue).toEqual([{ open: '00:00', close: '24:00' }]);
    expect(copied.sun).toEqual(copied.tue);
    expect(copied.sun).not.toBe(copied.mon);
    expect(copied.wed).toEqual([nine]);
  });

  it('cuts the Friday prayer break out of Friday only', () => {
    const broken = withFridayBreak(week);
    expect(broken.fri).toEqual([
      { open: '09:00', close: '13:00' },
      { open: '14:30', close: '21:00' },
    ]);
    expect(broken.thu).toEqual([nine]);
  });

  it('adds intervals after the last, up to four, and removes them', () => {
    let hours = setInterval(week, 'mon', 0, { close: '13:00' });
    hours = addInterval(hours, 'mon');
    expect(hours.mon[1]).toEqual({ open: '13:00', close: '15:00' });
    hours = addInterval(addInterval(addInterval(hours, 'mon'), 'mon'), 'mon');
    expect(hours.mon).toHaveLength(4);
    expect(removeInterval(hours, 'mon', 0).mon[0]).toEqual({ open: '13:00', close: '15:00' });
  });

  it('names the days the server would refuse', () => {
    expect(invalidDays(week)).toEqual([]);
    expect(invalidDays(setInterval(week, 'tue', 0, { open: '9' }))).toEqual(['tue']);
    expect(invalidDays(setInterval(week, 'wed', 0, { open: '24:00' }))).toEqual(['wed']);
    expect(invalidDays(setInterval(week, 'thu', 0, { close: '09:00' }))).toEqual(['thu']);
    expect(invalidDays(setInterval(week, 'fri', 0, { close: '24:00' }))).toEqual([]);
  });
});
