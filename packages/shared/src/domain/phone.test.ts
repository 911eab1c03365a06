import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['+919876543210', '+919876543210'],
    ['9876543210', '+919876543210'],
    ['98765 43210', '+919876543210'],
    ['098765-43210', '+919876543210'],
    ['+91 98765 43210', '+919876543210'],
    ['919876543210', '+919876543210'],
    ['(+91) 6006-123456', '+916006123456'],
    ['+447700900123', '+447700900123'],
    ['+9779812345678', '+9779812345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '',
    '12345',
    '5876543210', // Indian mobiles start with 6 to 9
    '+915876543210',
    '+91987654321',
    '+0123456789',
    '98765432101',
    '+91 98765 4321O',
    '٩٨٧٦٥٤٣٢١٠', // Arabic-Indic digits are not accepted as a phone number
    '+1'.padEnd(20, '2'),
  ])('rejects %j', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
});
