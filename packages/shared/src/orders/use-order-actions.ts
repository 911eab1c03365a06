import { nextTransitions, type OrderActor, type OrderStatus, type TransitionRule } from '../domain/order-machine';
import { useQueuedActions } from '../offline/hooks';
import type { Enqueued } from '../offline/queued-action';
import { useServices } from '../providers';
import type { QueuedKinds } from '../services';
import {
  type MoveTarget,
  orderLane,
  type QueuedMove,
  queuedMovesOf,
  type TransitionParamsMove,
  transitionParams,
  withWaitingMoves,
} from './transition-order';

export interface OrderMoves<O extends MoveTarget> {
  /** The order as the person will see it once their waiting moves land. */
  order: O;
  /** The moves the machine gives this party from where the order is: the buttons to show. */
  moves: TransitionRule[];
  /** This order's moves still waiting to be sent, and those refused, with why. */
  waiting: QueuedMove[];
  failed: QueuedMove[];
  /** Queues a move made now, carrying the version the person sees (its Idempotency-Key is made here too). */
  move(to: OrderStatus, extras?: Omit<TransitionParamsMove, 'to'>): Promise<Enqueued<QueuedKinds, 'transitionOrder'>>;
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
}

/** An order's moves for one party, from the machine, through the app's queue. */
export function useOrderActions<O extends MoveTarget>(order: O, actor: OrderActor): OrderMoves<O> {
  const { queue } = useServices();
  const mine = queuedMovesOf(useQueuedActions(queue), order.id);
  const shown = withWaitingMoves(order, mine);
  const failed = mine.filter((action) => action.status === 'failed');
  return {
    order: shown,
    moves: nextTransitions(shown.status, actor),
    waiting: mine.filter((action) => action.status === 'pending'),
    failed,
    async move(to, extras = {}) {
      // Acting again answers the refusal shown: it must not hold the new move back in the order's lane.
      for (const refused of failed) await queue.discard(refused.id);
      return queue.enqueue('transitionOrder', orderLane(order.id), transitionParams(shown, actor, { to, ...extras }));
    },
    retry: queue.retry,
    discard: queue.discard,
  };
}
