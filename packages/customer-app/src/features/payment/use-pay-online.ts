import type { VerifyPaymentRequest } from '@kupwara/shared';
import { orderKeys, useServices } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { useToast } from '@kupwara/shared/ui';
import { useCallback, useRef, useState } from 'react';
import { messages } from '../../messages';
import { openCheckout } from './checkout';
import type { CheckoutResult } from './checkout-result';

const words = messages.payment;

/** Where paying stands: nothing under way, the checkout open, or the server checking what it handed back. */
export type PayStep = 'idle' | 'paying' | 'confirming';

/** What the customer reads when the checkout ended without a payment. */
function unpaidWords(result: Exclude<CheckoutResult, { outcome: 'paid' }>): string {
  if (result.outcome === 'unavailable')
    return result.reason === 'no-native-sdk' ? words.needsDevBuild : words.loadFailed;
  if (result.outcome === 'failed') return result.why ? words.failed(result.why) : words.failedPlain;
  return words.dismissed;
}

/** What the customer reads when the server refused or could not be reached; null when the order just moved on. */
function refusalWords(error: unknown): string | null {
  if (!(error instanceof ApiError)) return words.failedPlain;
  switch (error.code) {
    // Paid already (a webhook was quicker), or ended: the order as it is now says which.
    case 'PAYMENT_NOT_AWAITED':
      return null;
    case 'PAYMENT_NOT_CAPTURED':
      return words.notCaptured;
    case 'PAYMENT_SIGNATURE_INVALID':
      return words.unsigned;
    case 'PAYMENT_GATEWAY_UNAVAILABLE':
      return words.gatewayDown;
    default:
      return error.status === 0 ? words.offline : error.message;
  }
}

/**
 * Paying for an order awaiting payment (a blocking form, never queued: it needs the gateway now):
 * the server makes or reuses the order's gateway order, the checkout opens, and what it hands back
 * goes to the server, which checks it with the gateway before the order goes to the shop.
 */
export function usePayOnline(orderId: string) {
  const { api, queryClient } = useServices();
  const toast = useToast();
  const [step, setStep] = useState<PayStep>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  // A second tap while the checkout opens must not open another.
  const running = useRef(false);

  /** Hands the checkout's answer to the server; the order it answers (paid, with the shop) replaces the cached one. */
  const confirm = useCallback(
    async (response: VerifyPaymentRequest) => {
      setStep('confirming');
      try {
        const order = await api.call('verifyPayment', { params: { id: orderId }, body: response });
        queryClient.setQueryData(orderKeys.detail(orderId), order);
        setProblem(null);
        toast.show(words.paidToast, { tone: 'success' });
      } catch (error) {
        setProblem(refusalWords(error));
        void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
      } finally {
        setStep('idle');
        void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
      }
    },
    [api, queryClient, toast, orderId],
  );

  const pay = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setProblem(null);
    setStep('paying');
    try {
      const checkout = await api.call('startPayment', { params: { id: orderId } });
      const result = await openCheckout(checkout, (late) => void confirm(late));
      if (result.outcome === 'paid') await confirm(result.response);
      else {
        setProblem(unpaidWords(result));
        setStep('idle');
      }
    } catch (error) {
      setProblem(refusalWords(error));
      setStep('idle');
      void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
    } finally {
      running.current = false;
    }
  }, [api, queryClient, orderId, confirm]);

  return { pay, step, problem };
}
