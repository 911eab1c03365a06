import { z } from 'zod';

/** Every error code the API answers with. Clients switch on these; never rename one. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PRICE_CHANGED',
  'OUT_OF_STOCK',
  'INVALID_TRANSITION',
  'STORE_CLOSED',
  /** The seller paused new orders for a while (busy mode): `details.paused_until` says until when. */
  'STORE_PAUSED',
  'OUT_OF_DELIVERY_AREA',
  'BELOW_MINIMUM_ORDER',
  'IDEMPOTENCY_KEY_REUSED',
  'WRONG_OTP',
  'OTP_LOCKED',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
] as const;

export const errorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCode>;

export const fieldIssue = z.object({
  /** Dotted path of the failing field, such as `body.items.0.quantity`. */
  field: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssue>;

export const errorBody = z.object({
  error: z.object({
    code: errorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
