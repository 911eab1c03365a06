import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './log-privacy';

describe('maskPersonalData', () => {
  it.each([
    ['sms to +919876543210 refused', 'sms to +9198xxxxxx10 refused'],
    ['{"mobiles":"919876543210"}', '{"mobiles":"9198xxxxxx10"}'],
    ['call 9876543210 now', 'call 98xxxxxx10 now'],
    ['params: Aamir,+916005551234,x', 'params: Aamir,+9160xxxxxx34,x'],
    [
      'DELETE /api/v1/devices/ExponentPushToken%5Babcdefghijklmnop%5D',
      'DELETE /api/v1/devices/ExponentPushToken%5Babcd...%5D',
    ],
    ['{"to":"ExponentPushToken[abcdefghijklmnop]"}', '{"to":"ExponentPushToken[abcd...]"}'],
  ])('%s', (line, masked) => {
    expect(maskPersonalData(line)).toBe(masked);
  });

  it.each([
    '{"time":1764775765000,"pid":9876}',
    '{"order":"0193b6f2-7c1e-7a3b-9f00-987654321012"}',
    '{"total_paise":9876543210123}',
    'a price of 5123456789',
  ])('leaves numbers that are not phones: %s', (line) => {
    expect(maskPersonalData(line)).toBe(line);
  });
});
