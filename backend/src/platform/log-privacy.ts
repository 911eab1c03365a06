import type { LoggerOptions } from 'pino';

// An Indian mobile number, with or without +91 / 91 in front, not part of a longer number.
const PHONE = /(?<![\w+])(\+?91)?([6-9]\d)\d{6}(\d{2})(?!\d)/g;

// An Expo push token (anyone holding one can push to that phone), bare or URL-encoded as in DELETE /devices/:token.
const PUSH_TOKEN = /(Expo(?:nent)?PushToken(?:\[|%5B))([^\]%]{0,4})[^\]%]*(\]|%5D)/gi;

/**
 * What the log keeps of a phone number or a push token: +919876543210 → +9198xxxxxx10, enough
 * to tell two people apart in a log, not to call either; a push token's first four characters.
 */
export const maskPersonalData = (text: string) =>
  text
    .replace(PHONE, (_match, country: string | undefined, first: string, last: string) => {
      return `${country ?? ''}${first}xxxxxx${last}`;
    })
    .replace(PUSH_TOKEN, '$1$2...$3');

/**
 * Fields that carry a secret wherever a log line has them: credentials, tokens (access, refresh,
 * push), one-time and hand-over codes. Request bodies are never logged; these catch a body or a
 * row someone logs on purpose.
 */
const secretKeys = [
  'authorization',
  'cookie',
  'password',
  'new_password',
  'current_password',
  'token',
  'access_token',
  'refresh_token',
  'otp',
  'delivery_otp',
  'deliveryOtp',
  'passwordHash',
  'x-razorpay-signature',
];

export const redactPaths = [
  ...secretKeys.flatMap((key) => [`["${key}"]`, `*["${key}"]`]),
  ...secretKeys.map((key) => `req.headers["${key}"]`),
];

/** pino options that keep secrets and phone numbers out of every line this process logs. */
export const privateLogging = {
  redact: { paths: redactPaths, censor: '[redacted]' },
  // Last, on the finished line: a number inside an error message or a gateway's answer is masked too.
  hooks: { streamWrite: maskPersonalData },
} satisfies Pick<LoggerOptions, 'redact' | 'hooks'>;
