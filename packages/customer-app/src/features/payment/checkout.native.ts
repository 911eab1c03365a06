import type { Checkout } from '@kupwara/shared';
import { colors } from '@kupwara/shared/ui';
import { NativeModules, TurboModuleRegistry } from 'react-native';
import type { RazorpayFailure } from 'react-native-razorpay';
import type { CheckoutResult, LatePayment } from './checkout-result';

/** Razorpay's SDKs answer this code when the customer closes the checkout. */
const CANCELLED = 2;

/**
 * Razorpay's native SDK, when this build has it: a development or store build does, Expo Go does not
 * (it carries only Expo's own native modules). Loaded on first use: importing it without its native
 * side throws.
 */
function nativeCheckout(): typeof import('react-native-razorpay').default | undefined {
  const linked = TurboModuleRegistry.get('RNRazorpayCheckout') ?? NativeModules.RNRazorpayCheckout;
  if (!linked) return undefined;
  return (require('react-native-razorpay') as typeof import('react-native-razorpay')).default;
}

/**
 * Opens Razorpay's native checkout (phones). It answers once, when paid or closed: retries happen
 * inside it, so there is never a late payment (the parameter keeps the web build's signature).
 */
export async function openCheckout(checkout: Checkout, _onLatePayment?: LatePayment): Promise<CheckoutResult> {
  const native = nativeCheckout();
  if (!native) return { outcome: 'unavailable', reason: 'no-native-sdk' };
  try {
    const { razorpay_order_id, razorpay_payment_id, razorpay_signature } = await native.open({
      key: checkout.key_id,
      amount: checkout.amount_paise,
      currency: checkout.currency,
      order_id: checkout.gateway_order_id,
      name: checkout.name,
      description: checkout.description,
      prefill: checkout.prefill,
      theme: { color: colors.light.primary },
    });
    return { outcome: 'paid', response: { razorpay_order_id, razorpay_payment_id, razorpay_signature } };
  } catch (error) {
    const failure = error as Partial<RazorpayFailure>;
    return failure.code === CANCELLED ? { outcome: 'dismissed' } : { outcome: 'failed', why: failure.description };
  }
}
