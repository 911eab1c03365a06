import type { Checkout } from '@kupwara/shared';
import type { CheckoutResult, LatePayment } from './checkout-result';

/** What Razorpay's checkout script hands the page on success (checkout.js's `handler`). */
interface RazorpayResponse {
  razorpay_payment_id: string;
  razorpay_order_id: string;
  razorpay_signature: string;
}

/** The part of checkout.js's API the app uses: `new Razorpay(options)`, `.on('payment.failed')`, `.open()`. */
interface RazorpayCheckout {
  on(event: 'payment.failed', listener: (failure: { error?: { description?: string } }) => void): void;
  open(): void;
}

interface RazorpayOptions {
  key: string;
  amount: number;
  currency: string;
  order_id: string;
  name: string;
  description: string;
  prefill: { name: string; contact: string };
  handler: (response: RazorpayResponse) => void;
  modal: { ondismiss: () => void };
}

declare global {
  interface Window {
    Razorpay?: new (options: RazorpayOptions) => RazorpayCheckout;
  }
}

let loading: Promise<void> | undefined;

/** Adds the gateway's script to the page once; a failed load may be tried again. */
function loadScript(url: string): Promise<void> {
  if (window.Razorpay) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      loading = undefined;
      reject(new Error(`could not load ${url}`));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/**
 * Opens Razorpay's checkout over the page for the order's gateway order (the web build). It answers
 * at the first of: paid, an attempt failed, closed. Razorpay's checkout stays open after a failed
 * attempt, so a payment made in it afterwards goes to `onLatePayment`.
 */
export async function openCheckout(checkout: Checkout, onLatePayment?: LatePayment): Promise<CheckoutResult> {
  try {
    await loadScript(checkout.checkout_url);
  } catch {
    return { outcome: 'unavailable', reason: 'script-failed' };
  }
  const Razorpay = window.Razorpay;
  if (!Razorpay) return { outcome: 'unavailable', reason: 'script-failed' };
  return new Promise((resolve) => {
    let answered = false;
    const answer = (result: CheckoutResult) => {
      if (answered) return;
      answered = true;
      resolve(result);
    };
    const gateway = new Razorpay({
      key: checkout.key_id,
      amount: checkout.amount_paise,
      currency: checkout.currency,
      order_id: checkout.gateway_order_id,
      name: checkout.name,
      description: checkout.description,
      prefill: checkout.prefill,
      handler: ({ razorpay_order_id, razorpay_payment_id, razorpay_signature }) => {
        const response = { razorpay_order_id, razorpay_payment_id, razorpay_signature };
        if (answered) onLatePayment?.(response);
        else answer({ outcome: 'paid', response });
      },
      modal: { ondismiss: () => answer({ outcome: 'dismissed' }) },
    });
    gateway.on('payment.failed', (failure) => answer({ outcome: 'failed', why: failure.error?.description }));
    gateway.open();
  });
}
