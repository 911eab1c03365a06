import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { type ApiClient, ApiError } from '../api/client';
import type { Order } from '../contract/orders';
import { orderFixture } from '../testing/order-fixture';
import { orderKeys } from './keys';
import {
  describeMoveRefusal,
  type QueuedMove,
  queuedMovesOf,
  type TransitionOrderParams,
  transitionOrderHandler,
  transitionParams,
  unplacedOrder,
  withWaitingMoves,
} from './transition-order';

const ORDER = '01900000-0000-7000-8000-000000000001';
const AT = new Date('2026-11-29T10:00:00.000Z');
const cancel: TransitionOrderParams = {
  order_id: ORDER,
  actor: 'customer',
  request: { to: 'CANCELLED', version: 1, occurred_at: AT.toISOString() },
};

const serverOrder = (over: Partial<Order> = {}) => orderFixture({ id: ORDER, ...over });

const queued = (params: TransitionOrderParams, status: QueuedMove['status'] = 'pending'): QueuedMove => ({
  id: `key-${params.request.to}`,
  kind: 'transitionOrder',
  resource: `order:${params.order_id}`,
  params,
  createdAt: AT.toISOString(),
  attempts: 0,
  status,
});

describe('a queued move of an order', () => {
  it('carries the version the person saw and when they acted', () => {
    const seen = serverOrder({ version: 3 });
    expect(transitionParams(seen, 'customer', { to: cancel.request.to }, AT)).toEqual({
      order_id: ORDER,
      actor: 'customer',
      request: { to: 'CANCELLED', version: 3, occurred_at: AT.toISOString() },
    });
  });

  it('names an order still being placed by its placement, and then only undoes it', () => {
    const params = transitionParams(unplacedOrder({ id: 'placing-1' }), 'customer', { to: 'CANCELLED' }, AT);
    expect(params).toMatchObject({ order_id: 'placing-1', unplaced: true });
    const handler = transitionOrderHandler({ api: {} as ApiClient, queryClient: new QueryClient() });
    expect(handler.undoes?.(params)).toBe('placing-1');
    expect(handler.undoes?.(cancel)).toBeUndefined();
  });

  it('keeps showing the waiting moves over what the server last said, once each', () => {
    const pending = serverOrder();
    expect(withWaitingMoves(pending, [queued(cancel)])).toMatchObject({ status: 'CANCELLED', version: 2 });
    // Already shown (its version is past), refused, or about another order: nothing changes.
    const shown = serverOrder({ status: 'CANCELLED', version: 2 });
    expect(withWaitingMoves(shown, [queued(cancel)])).toBe(shown);
    expect(withWaitingMoves(pending, [queued(cancel, 'failed')])).toBe(pending);
    const other = queued({ ...cancel, order_id: 'another' });
    expect(queuedMovesOf([other, queued(cancel), { kind: 'placeOrder' }], ORDER)).toEqual([queued(cancel)]);
  });

  it('says in plain words why the server refused it', () => {
    const accepted = serverOrder({ status: 'ACCEPTED', version: 2 });
    const stale = new ApiError(409, 'CONFLICT', 'This order changed since you saw it', { current: accepted });
    expect(describeMoveRefusal(stale, cancel)).toBe(
      'This order is already accepted, so it can no longer be cancelled.',
    );
    const invalid = new ApiError(409, 'INVALID_TRANSITION', 'The order cannot make this move', {
      status: 'DELIVERED',
      next: [],
    });
    expect(describeMoveRefusal(invalid, cancel)).toBe(
      'This order is already delivered, so it can no longer be cancelled.',
    );
    // Only its version moved on: the move may still be right, so the person is asked to look again.
    const bumped = new ApiError(409, 'CONFLICT', 'changed', { current: serverOrder({ version: 2 }) });
    expect(describeMoveRefusal(bumped, cancel)).toBe('This order changed since you saw it: have a look and try again.');
    expect(describeMoveRefusal(new ApiError(403, 'FORBIDDEN', 'You cannot make this order CANCELLED'), cancel)).toBe(
      'You cannot make this order CANCELLED',
    );
  });

  it('shows its next state at once, and adopts the server’s order when refused as stale', () => {
    const queryClient = new QueryClient();
    const handler = transitionOrderHandler({ api: {} as ApiClient, queryClient });
    queryClient.setQueryData(orderKeys.detail(ORDER), serverOrder());
    handler.optimistic?.(cancel, queued(cancel));
    expect(queryClient.getQueryData<Order>(orderKeys.detail(ORDER))).toMatchObject({ status: 'CANCELLED', version: 2 });

    const accepted = serverOrder({ status: 'ACCEPTED', version: 2 });
    const message = handler.conflict?.(
      new ApiError(409, 'CONFLICT', 'changed', { current: accepted }),
      cancel,
      queued(cancel),
    );
    expect(message).toBe('This order is already accepted, so it can no longer be cancelled.');
    expect(queryClient.getQueryData(orderKeys.detail(ORDER))).toEqual(accepted);
  });
});
