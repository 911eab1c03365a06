import { describe, expect, it } from 'vitest';
import { type OpeningHours, openingStatus } from './opening-hours';

const closed = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
const daily = (open: string, close: string): OpeningHours => ({
  sun: [{ open, close }],
  mon: [{ open, close }],
  tue: [{ open, close }],
  wed: [{ open, close }],
  thu: [{ open, close }],
  fri: [{ open, close }],
  sat: [{ open, close }],
});
const kolkata = 'Asia/Kolkata';
// 2026-11-25 is a Wednesday. 10:00 IST = 04:30 UTC.
const ist = (iso: string) => new Date(`${iso}+05:30`);

describe('openingStatus', () => {
  it('is open inside an interval and says when it closes', () => {
    expect(openingStatus(daily('09:00', '21:00'), kolkata, ist('2026-11-25T10:00:00'))).toEqual({
      isOpen: true,
      closesAt: ist('2026-11-25T21:00:00'),
      opensAt: null,
    });
  });

  it('treats the opening minute as open and the closing minute as closed', () => {
    expect(openingStatus(daily('09:00', '21:00'), kolkata, ist('2026-11-25T09:00:00')).isOpen).toBe(true);
    expect(openingStatus(daily('09:00', '21:00'), kolkata, ist('2026-11-25T21:00:00'))).toEqual({
      isOpen: false,
      closesAt: null,
      opensAt: ist('2026-11-26T09:00:00'),
    });
  });

  it('before opening, says when it opens today', () => {
    expect(openingStatus(daily('09:00', '21:00'), kolkata, ist('2026-11-25T06:30:00')).opensAt).toEqual(
      ist('2026-11-25T09:00:00'),
    );
  });

  it('follows intervals past midnight from the day before', () => {
    const lateNight = daily('18:00', '02:00');
    expect(openingStatus(lateNight, kolkata, ist('2026-11-25T01:30:00'))).toEqual({
      isOpen: true,
      closesAt: ist('2026-11-25T02:00:00'),
      opensAt: null,
    });
    expect(openingStatus(lateNight, kolkata, ist('2026-11-25T23:00:00')).closesAt).toEqual(ist('2026-11-26T02:00:00'));
  });

  it('closes for Friday prayers and reopens after (two intervals a day)', () => {
    const hours = {
      ...daily('09:00', '20:00'),
      fri: [
        { open: '09:00', close: '12:30' },
        { open: '14:30', close: '20:00' },
      ],
    };
    // 2026-11-27 is a Friday.
    expect(openingStatus(hours, kolkata, ist('2026-11-27T13:00:00'))).toEqual({
      isOpen: false,
      closesAt: null,
      opensAt: ist('2026-11-27T14:30:00'),
    });
  });

  it('joins back-to-back intervals', () => {
    const hours = {
      ...closed,
      wed: [
        { open: '09:00', close: '13:00' },
        { open: '13:00', close: '18:00' },
      ],
    };
    expect(openingStatus(hours, kolkata, ist('2026-11-25T10:00:00')).closesAt).toEqual(ist('2026-11-25T18:00:00'));
  });

  it('skips closed days to the next opening, and has none when never open', () => {
    const sundayOnly = { ...closed, sun: [{ open: '10:00', close: '14:00' }] };
    expect(openingStatus(sundayOnly, kolkata, ist('2026-11-25T10:00:00')).opensAt).toEqual(ist('2026-11-29T10:00:00'));
    expect(openingStatus(closed, kolkata, ist('2026-11-25T10:00:00'))).toEqual({
      isOpen: false,
      closesAt: null,
      opensAt: null,
    });
  });

  it('reads the hours in the store’s own time zone', () => {
    // 10:00 in Kolkata is 04:30 UTC: a UTC store opening at 09:00 is still closed.
    const now = ist('2026-11-25T10:00:00');
    expect(openingStatus(daily('09:00', '21:00'), 'UTC', now)).toEqual({
      isOpen: false,
      closesAt: null,
      opensAt: new Date('2026-11-25T09:00:00Z'),
    });
  });

  it('copes with a daylight-saving change', () => {
    // Europe/London moved to summer time at 01:00 UTC on 2026-03-29: 09:00 local is 08:00 UTC.
    expect(openingStatus(daily('09:00', '17:00'), 'Europe/London', new Date('2026-03-29T06:00:00Z')).opensAt).toEqual(
      new Date('2026-03-29T08:00:00Z'),
    );
  });
});
