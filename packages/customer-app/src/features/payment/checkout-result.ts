import type { VerifyPaymentRequest } from '@kupwara/shared';

/**
 * How the gateway's checkout ended: paid (what it handed back, for the server to check), an
 * attempt failed (the gateway's words), closed by the customer, or not possible on this build.
 */
export type CheckoutResult =
  | { outcome: 'paid'; response: VerifyPaymentRequest }
  | { outcome: 'failed'; why: string | undefined }
  | { outcome: 'dismissed' }
  | { outcome: 'unavailable'; reason: 'no-native-sdk' | 'script-failed' };

/**
 * Told of a payment made after the checkout already answered: Razorpay's web checkout stays open
 * after a failed attempt, so the customer may still pay in it.
 */
export type LatePayment = (response: VerifyPaymentRequest) => void;
