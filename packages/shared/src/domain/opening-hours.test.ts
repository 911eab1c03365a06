import { describe, expect, it } from 'vitest';
import { openingHours as openingHoursSchema } from '../contract/catalog';
import { isWholeDay, nextOpening, type OpeningHours, openingStatus, WHOLE_DAY, withBreak } from './opening-hours';

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

describe('a whole day open', () => {
  const wholeWednesday = { ...daily('09:00', '21:00'), wed: [WHOLE_DAY] };

  it('is one interval the contract takes, from 00:00 to 24:00', () => {
    expect(openingHoursSchema.safeParse(wholeWednesday).success).toBe(true);
    expect(isWholeDay(wholeWednesday.wed)).toBe(true);
    expect(isWholeDay([{ open: '00:00', close: '23:59' }])).toBe(false);
    const badOpen = openingHoursSchema.safeParse({ ...closed, wed: [{ open: '24:00', close: '10:00' }] });
    expect(badOpen.error?.issues.map((i) => i.path.join('.'))).toEqual(['wed.0.open']);
    expect(openingHoursSchema.safeParse({ ...closed, wed: [{ open: '10:00', close: '24:30' }] }).success).toBe(false);
  });

  it('is open at midnight and at noon, and closes at the end of the day', () => {
    const hours = { ...closed, wed: [WHOLE_DAY] };
    for (const at of ['2026-11-25T00:00:00', '2026-11-25T12:00:00', '2026-11-25T23:59:00']) {
      expect(openingStatus(hours, kolkata, ist(at))).toEqual({
        isOpen: true,
        closesAt: ist('2026-11-26T00:00:00'),
        opensAt: null,
      });
    }
    expect(openingStatus(hours, kolkata, ist('2026-11-26T00:00:00')).isOpen).toBe(false);
    expect(openingStatus(hours, kolkata, ist('2026-11-24T23:59:00')).opensAt).toEqual(ist('2026-11-25T00:00:00'));
  });

  it('runs on into a normal day that opens at midnight, and ends at that day’s closing', () => {
    const hours = { ...closed, wed: [WHOLE_DAY], thu: [{ open: '00:00', close: '14:00' }] };
    expect(openingStatus(hours, kolkata, ist('2026-11-25T22:00:00')).closesAt).toEqual(ist('2026-11-26T14:00:00'));
  });

  it('closes at midnight when the next day opens later', () => {
    expect(openingStatus(wholeWednesday, kolkata, ist('2026-11-25T22:00:00')).closesAt).toEqual(
      ist('2026-11-26T00:00:00'),
    );
    expect(openingStatus(wholeWednesday, kolkata, ist('2026-11-26T03:00:00')).opensAt).toEqual(
      ist('2026-11-26T09:00:00'),
    );
  });

  it('joins an interval past midnight from the day before into the whole day', () => {
    const hours = { ...closed, tue: [{ open: '20:00', close: '02:00' }], wed: [WHOLE_DAY] };
    expect(openingStatus(hours, kolkata, ist('2026-11-24T21:00:00')).closesAt).toEqual(ist('2026-11-26T00:00:00'));
  });

  it('never closes within the week when open all day every day', () => {
    expect(openingStatus(daily('00:00', '24:00'), kolkata, ist('2026-11-25T10:00:00'))).toEqual({
      isOpen: true,
      closesAt: null,
      opensAt: null,
    });
  });
});

describe('nextOpening', () => {
  it('is the opening after the current hours when open, the next opening when closed', () => {
    const hours = daily('09:00', '21:00');
    expect(nextOpening(hours, kolkata, ist('2026-11-25T10:00:00'))).toEqual(ist('2026-11-26T09:00:00'));
    expect(nextOpening(hours, kolkata, ist('2026-11-25T06:00:00'))).toEqual(ist('2026-11-25T09:00:00'));
    expect(nextOpening(hours, kolkata, ist('2026-11-25T22:00:00'))).toEqual(ist('2026-11-26T09:00:00'));
  });

  it('skips a break to the next day, and is null when the shop never closes or never opens', () => {
    const friday = {
      ...daily('09:00', '20:00'),
      fri: withBreak([{ open: '09:00', close: '20:00' }], '13:00', '14:30'),
    };
    // Friday morning: this stretch closes at 13:00 and opens again at 14:30.
    expect(nextOpening(friday, kolkata, ist('2026-11-27T10:00:00'))).toEqual(ist('2026-11-27T14:30:00'));
    expect(nextOpening(daily('00:00', '24:00'), kolkata, ist('2026-11-25T10:00:00'))).toBeNull();
    expect(nextOpening(closed, kolkata, ist('2026-11-25T10:00:00'))).toBeNull();
  });
});

describe('withBreak', () => {
  it('splits an interval that spans the break', () => {
    expect(withBreak([{ open: '09:00', close: '21:00' }], '13:00', '14:30')).toEqual([
      { open: '09:00', close: '13:00' },
      { open: '14:30', close: '21:00' },
    ]);
  });

  it('splits a whole day and an interval past midnight, keeping their ends', () => {
    expect(withBreak([WHOLE_DAY], '13:00', '14:30')).toEqual([
      { open: '00:00', close: '13:00' },
      { open: '14:30', close: '24:00' },
    ]);
    expect(withBreak([{ open: '10:00', close: '01:00' }], '13:00', '14:30')).toEqual([
      { open: '10:00', close: '13:00' },
      { open: '14:30', close: '01:00' },
    ]);
  });

  it('trims intervals that overlap one end, drops one inside, keeps those outside', () => {
    expect(
      withBreak(
        [
          { open: '08:00', close: '13:30' },
          { open: '13:40', close: '14:00' },
          { open: '14:00', close: '18:00' },
          { open: '19:00', close: '22:00' },
        ],
        '13:00',
        '14:30',
      ),
    ).toEqual([
      { open: '08:00', close: '13:00' },
      { open: '14:30', close: '18:00' },
      { open: '19:00', close: '22:00' },
    ]);
    expect(withBreak([], '13:00', '14:30')).toEqual([]);
  });
});
