import { orderKeys, useServices } from '@kupwara/shared/app';
import { ApiError, newKey } from '@kupwara/shared/client';
import { router } from 'expo-router';
import { useRef, useState } from 'react';
import { messages } from '../../messages';
import type { PlaceOrder } from '../../services';
import { cartAfterConflict, describeCartConflict } from '../cart/cart-conflict';
import { useCustomerStores } from '../customer-stores';

/**
 * Placing an order to be paid online: sent now, never queued (a blocking form: the payment that
 * follows needs the network anyway). The server answers the order awaiting payment, and its screen
 * opens the checkout. A refusal because the shop changed gives the cart back at the shop's prices.
 */
export function usePlaceOnline() {
  const { api, queryClient } = useServices();
  const { cart } = useCustomerStores();
  const [placing, setPlacing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The same order sent again (its answer lost) keeps its key, so the server makes it once.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  async function place(action: PlaceOrder) {
    const body = JSON.stringify(action.body);
    if (attempt.current?.body !== body) attempt.current = { body, key: newKey() };
    setPlacing(true);
    setProblem(null);
    try {
      const order = await api.call('placeOrder', { body: action.body, idempotencyKey: attempt.current.key });
      attempt.current = null;
      queryClient.setQueryData(orderKeys.detail(order.id), order);
      void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
      router.replace(`/orders/${order.id}?pay=1`);
      cart.clear();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0) {
        setProblem(messages.cart.noAnswer);
        return;
      }
      const { message, items } = describeCartConflict(error);
      if (items.length) cart.restore(action.shop, cartAfterConflict(action.lines, items));
      setProblem(message);
    } finally {
      setPlacing(false);
    }
  }

  return { place, placing, problem };
}
