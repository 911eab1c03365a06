import type { VerifyPaymentRequest } from '@kupwara/shared';

/**
 * How the gateway's checkout ended: paid (what it handed back, for the server to check), closed by
 * the customer (`why` when an attempt failed first), or not possible on this build or network.
 */
export type CheckoutResult =
  | { outcome: 'paid'; response: VerifyPaymentRequest }
  | { outcome: 'dismissed'; why?: string }
  | { outcome: 'unavailable'; reason: 'no-native-sdk' | 'script-failed' };
