/**
 * Rupees from integer paise, Indian style: lakh and crore grouping ("₹1,23,456"), paise only when
 * there are some ("₹1,234.50"). Written out rather than left to `Intl`, whose en-IN data differs
 * between Hermes builds. Throws on a fractional or unsafe amount: money is counted in whole paise.
 */
export function formatPaise(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`not a whole number of paise: ${paise}`);
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  const rupees = String(Math.floor(abs / 100));
  const fraction = abs % 100;
  // The last three digits form one group; every two digits before them form another.
  const lastThree = rupees.slice(-3);
  const rest = rupees.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',');
  const grouped = rest ? `${rest},${lastThree}` : lastThree;
  const decimals = fraction === 0 ? '' : `.${String(fraction).padStart(2, '0')}`;
  return `${sign}₹${grouped}${decimals}`;
}
