import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient, ApiError } from '../api/client';
import type { Order, TransitionRequest } from '../contract/orders';
import {
  applyTransition,
  initialStatus,
  nextTransitions,
  type OrderActor,
  type OrderStatus,
  orderStatuses,
} from '../domain/order-machine';
import type { ActionHandler, ActionKind, QueuedActionOf } from '../offline/queued-action';
import { messages } from '../ui/messages';
import { orderKeys } from './keys';

/** A queued move of an order: one step of the machine, as the person made it. */
export interface TransitionOrderParams {
  /** The order; for one still waiting to be placed, the id of the queued action that places it. */
  order_id: string;
  /** Set when `order_id` names a queued placement: the move can only undo it before it is sent. */
  unplaced?: true;
  /** The person's part in the order (an operator acts as `system`). */
  actor: OrderActor;
  /** What is sent: the move, the version the person saw, and when they acted. */
  request: TransitionRequest;
}

export type TransitionOrderKind = ActionKind<TransitionOrderParams, Order>;

/** The kinds of action every app's queue has, whatever the app adds. */
export interface OrderActionKinds {
  transitionOrder: TransitionOrderKind;
}

export type QueuedMove = QueuedActionOf<'transitionOrder', TransitionOrderParams>;

/** The order a move is made on, as the person sees it. */
export interface MoveTarget {
  id: string;
  status: OrderStatus;
  version: number;
  unplaced?: true;
}

/**
 * An order still in the queue as its placement, named by that action: what the server will make of
 * it, a new order in the machine's first state.
 */
export const unplacedOrder = (placement: { id: string }): MoveTarget => ({
  id: placement.id,
  status: initialStatus,
  version: 1,
  unplaced: true,
});

/** The queue lane of an order's moves: one after another, as they were made. */
export const orderLane = (orderId: string) => `order:${orderId}`;

/** What the person chose for a move: where to, and what that step needs (a hand-over: the cash the rider confirms). */
export type TransitionParamsMove = Pick<
  TransitionRequest,
  'to' | 'reason' | 'otp' | 'rider_id' | 'prep_minutes' | 'reject_reason' | 'cash_collected_paise'
>;

/** The person's move as it is queued: the version they saw and when they acted travel with it. */
export function transitionParams(
  target: MoveTarget,
  actor: OrderActor,
  move: TransitionParamsMove,
  at = new Date(),
): TransitionOrderParams {
  const request: TransitionRequest = { ...move, version: target.version, occurred_at: at.toISOString() };
  return target.unplaced
    ? { order_id: target.id, unplaced: true, actor, request }
    : { order_id: target.id, actor, request };
}

export const isQueuedMove = (action: { kind: string }): action is QueuedMove => action.kind === 'transitionOrder';

/** An order's moves in the queue, oldest first. */
export const queuedMovesOf = (actions: readonly { kind: string }[], orderId: string): QueuedMove[] =>
  actions.filter(isQueuedMove).filter((action) => action.params.order_id === orderId);

/**
 * The order with the person's waiting moves applied, so that a read from the server, which does not
 * have them yet, does not take them back on the screen. A move already applied (its version is
 * past) or no longer possible changes nothing.
 */
export function withWaitingMoves<O extends MoveTarget>(order: O, moves: readonly QueuedMove[]): O {
  return moves.reduce((shown, move) => {
    if (move.status !== 'pending') return shown;
    const next = applyTransition(shown, move.params.request, move.params.actor);
    return next.ok ? next.order : shown;
  }, order);
}

const statusOf = (status: unknown) => orderStatuses.find((known) => known === status);

/**
 * The order in a 409's details: the server's, to adopt. Trusted as every answer of the server is
 * (the client does not load the schemas); only whether it is there at all is checked.
 */
function currentOrder(error: ApiError): Order | undefined {
  const current = (error.details as { current?: Partial<Order> } | undefined)?.current;
  const isOrder = typeof current?.id === 'string' && typeof current.version === 'number' && statusOf(current.status);
  return isOrder ? (current as Order) : undefined;
}

function statusIn(error: ApiError): OrderStatus | undefined {
  return statusOf((error.details as { status?: unknown } | undefined)?.status);
}

/** A refused move in plain words: where the order is now, and whether the move still applies there. */
export function describeMoveRefusal(error: ApiError, params: TransitionOrderParams): string {
  const now = currentOrder(error)?.status ?? statusIn(error);
  if (!now) return error.message;
  const { to } = params.request;
  const stillPossible = nextTransitions(now, params.actor).some((rule) => rule.to === to);
  return stillPossible ? messages.orderMove.changed : messages.orderMove.refused(now, to);
}

/**
 * The queued `transitionOrder` (optimistic with feedback): the order shows its next state at once,
 * from the machine; the server's answer replaces it; a refusal adopts the server's order and says why.
 */
export function transitionOrderHandler({
  api,
  queryClient,
}: {
  api: ApiClient;
  queryClient: QueryClient;
}): ActionHandler<TransitionOrderParams, Order> {
  const showServer = (order: Order) => {
    queryClient.setQueryData(orderKeys.detail(order.id), order);
    void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
  };
  return {
    send: ({ order_id, request }, idempotencyKey) =>
      api.call('transitionOrder', { params: { id: order_id }, body: request, idempotencyKey }),
    optimistic: (params) =>
      queryClient.setQueryData<Order>(orderKeys.detail(params.order_id), (cached) => {
        if (!cached) return cached;
        const next = applyTransition(cached, params.request, params.actor);
        return next.ok ? next.order : cached;
      }),
    rollback: (params) => void queryClient.invalidateQueries({ queryKey: orderKeys.detail(params.order_id) }),
    settle: showServer,
    conflict(error, params) {
      const current = currentOrder(error);
      if (current) showServer(current);
      return describeMoveRefusal(error, params);
    },
    // The server has no order by this name yet: the only move it can take is to undo its placement.
    undoes: (params) => (params.unplaced ? params.order_id : undefined),
  };
}
