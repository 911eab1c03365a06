import type { DeliveryOffer } from '@kupwara/shared';
import { orderKeys, useServices } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { useToast } from '@kupwara/shared/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'expo-router';
import { useState } from 'react';
import { messages } from '../../messages';
import { assignmentKeys } from '../assignments';
import { type Assignments, withoutOffer } from './offer-cache';

const words = messages.offers;

export type OfferAnswer = 'accept' | 'decline';

/**
 * Accepting or declining an offer, sent at once and never queued: an offer lives for seconds, so
 * an answer that waits for the network would land after it ended (offline pattern: blocking, with
 * the reason on the card). An answer the server can no longer take removes the offer and says why.
 */
export function useOfferAnswer(offer: DeliveryOffer) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [sending, setSending] = useState<OfferAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const gone = () => {
    queryClient.setQueryData<Assignments>(assignmentKeys.all, (now) => withoutOffer(now, offer.id));
    void queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
  };

  async function answer(kind: OfferAnswer) {
    setSending(kind);
    setProblem(null);
    try {
      if (kind === 'accept') {
        const order = await api.call('acceptOffer', { params: { id: offer.id } });
        queryClient.setQueryData(orderKeys.detail(order.id), order);
        gone();
        router.push(`/delivery/${order.id}`);
      } else {
        await api.call('declineOffer', { params: { id: offer.id } });
        gone();
        toast.show(words.declined);
      }
    } catch (error) {
      setSending(null);
      if (!(error instanceof ApiError) || error.transient) {
        setProblem(error instanceof ApiError && error.status === 0 ? words.offline : words.failed);
        return;
      }
      // 409: the offer closed before the answer arrived; 404: it was never this rider's to answer.
      const ended = Date.parse(offer.expires_at) <= Date.now() || error.status === 404;
      toast.show(ended ? words.ended : words.takenByOther, { tone: 'warning' });
      gone();
    }
  }

  return { answer, sending, problem };
}
