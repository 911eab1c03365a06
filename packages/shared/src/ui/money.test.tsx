import { formatPaise } from './money';

describe('formatPaise', () => {
  it.each([
    [0, '₹0'],
    [5, '₹0.05'],
    [50, '₹0.50'],
    [12_000, '₹120'],
    [99_999, '₹999.99'],
    [100_000, '₹1,000'],
    [123_450, '₹1,234.50'],
    [12_345_600, '₹1,23,456'],
    [123_456_789, '₹12,34,567.89'],
    [10_000_000_000, '₹10,00,00,000'],
    [-5_050, '-₹50.50'],
  ])('formats %i paise as %s', (paise, text) => {
    expect(formatPaise(paise)).toBe(text);
  });

  it('refuses amounts that are not whole paise', () => {
    expect(() => formatPaise(12.5)).toThrow(RangeError);
    expect(() => formatPaise(Number.NaN)).toThrow(RangeError);
    expect(() => formatPaise(2 ** 53)).toThrow(RangeError);
  });
});
