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
  /** The shop does not take this way of paying (or the platform has no gateway): `details.accepted` lists what it takes. */
  'PAYMENT_METHOD_NOT_ACCEPTED',
  /** The order is not waiting for a payment (paid already, or ended): `details.status` says where it is. */
  'PAYMENT_NOT_AWAITED',
  /** What the app says the checkout returned is not signed by the gateway: nothing changed. */
  'PAYMENT_SIGNATURE_INVALID',
  /** The gateway has no captured payment of the order's amount for what the app sent (yet). */
  'PAYMENT_NOT_CAPTURED',
  /** The payment gateway did not answer or failed: try again shortly. */
  'PAYMENT_GATEWAY_UNAVAILABLE',
  /** The cash the rider confirms is not the order's total: `details.total_paise` is. */
  'CASH_MISMATCH',
  /** A settlement larger than the cash the rider holds: `details.in_hand_paise` is what they hold. */
  'SETTLEMENT_TOO_LARGE',
  /** A shop's switches would leave no way of paying the platform offers: `details.available` lists those. */
  'NO_PAYMENT_METHOD',
  /** The request's headers (cookies, tokens, the request line) are larger than the server takes (431). */
  'HEADERS_TOO_LARGE',
  /** The request's URL is longer than the server takes (414): send what is long in the body. */
  'URL_TOO_LONG',
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
