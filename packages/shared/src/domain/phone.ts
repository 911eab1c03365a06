/**
 * Phone numbers are stored in E.164 (+919876543210). People type Indian mobile numbers many ways
 * (98765 43210, 098765-43210, +91 98765 43210), so those are normalized; anything else must
 * already be in international form.
 */
const E164 = /^\+[1-9]\d{6,14}$/;
const INDIAN_MOBILE = /^[6-9]\d{9}$/;

/** The E.164 form of a phone number, or undefined if it is not one. */
export function normalizePhone(input: string): string | undefined {
  const compact = input.replace(/[\s\-().]/g, '');
  if (INDIAN_MOBILE.test(compact)) return `+91${compact}`;
  if (/^0[6-9]\d{9}$/.test(compact)) return `+91${compact.slice(1)}`;
  if (/^91[6-9]\d{9}$/.test(compact)) return `+${compact}`;
  if (!E164.test(compact)) return undefined;
  // An Indian number in international form must still be a real mobile number.
  if (compact.startsWith('+91') && !INDIAN_MOBILE.test(compact.slice(3))) return undefined;
  return compact;
}
