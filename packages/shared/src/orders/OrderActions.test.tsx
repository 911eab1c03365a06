import { skipToken, useQuery } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../api/client';
import type { OrderActor } from '../domain/order-machine';
import { AppProviders } from '../providers';
import { type AppServices, createAppServices } from '../services';
import { orderFixture } from '../testing/order-fixture';
import { orderKeys } from './keys';
import { OrderActions } from './OrderActions';
import type { MoveTarget } from './transition-order';

// The first render loads the whole kit (providers, persisted cache, queue): slow on a cold transform cache.
jest.setTimeout(20_000);

// No server here: a socket that never opens.
(globalThis as { WebSocket?: unknown }).WebSocket = class {
  readyState = 0;
  send() {}
  close() {}
};

const ORDER = '01900000-0000-7000-8000-000000000001';
let services: AppServices;

beforeEach(() => {
  services = createAppServices('customer', { stores: () => ({}), actions: () => ({}) });
  // Every call fails as on a phone with no network, unless a test answers.
  services.api.call = (async () => {
    throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
  }) as typeof services.api.call;
});
afterEach(async () => {
  await services.queue.clear();
  services.queue.close();
  services.queryClient.clear();
});

/** The order as a screen holds it, from the query cache, with its actions under it. */
function Tracked({ actor }: { actor: OrderActor }) {
  const { data } = useQuery<MoveTarget>({ queryKey: orderKeys.detail(ORDER), queryFn: skipToken });
  return data ? <OrderActions order={data} actor={actor} /> : null;
}

function show(status: MoveTarget['status'], actor: OrderActor, version = 1) {
  services.queryClient.setQueryData(orderKeys.detail(ORDER), { id: ORDER, status, version });
  return render(
    <AppProviders services={services} buster="test">
      <Tracked actor={actor} />
    </AppProviders>,
  );
}
/** The server's order in full, as a 409 carries it. */
const acceptedOrder = () =>
  orderFixture({ id: ORDER, status: 'ACCEPTED', version: 2, updated_at: '2026-11-29T10:02:00.000Z' });
const buttons = () => screen.queryAllByRole('button').map((button) => button.props.accessibilityLabel);

describe('an order’s actions', () => {
  it.each([
    ['PENDING', 'customer', ['Cancel order']],
    // Accepting needs a preparation time and rejecting a reason the customer will read: forms the
    // seller app builds on the hook.
    ['PENDING', 'seller', []],
    ['PREPARING', 'seller', ['Ready for pickup']],
    ['RIDER_ASSIGNED', 'rider', ['Picked up']],
    ['ACCEPTED', 'customer', []],
  ] as const)('from %s, the %s may: %j', async (status, actor, expected) => {
    show(status, actor);
    await waitFor(() => expect(buttons()).toEqual(expected));
  });

  it('queues a move with the version seen and when it was made, and shows it waiting in place of the buttons', async () => {
    const before = Date.now();
    show('PENDING', 'customer', 3);
    fireEvent.press(await screen.findByRole('button', { name: 'Cancel order' }));

    expect(await screen.findByText('Cancel order: waiting to be sent')).toBeOnTheScreen();
    expect(buttons()).toEqual([]);
    const [queued] = services.queue.actions();
    expect(queued).toMatchObject({
      kind: 'transitionOrder',
      resource: `order:${ORDER}`,
      status: 'pending',
      params: { order_id: ORDER, actor: 'customer', request: { to: 'CANCELLED', version: 3 } },
    });
    const at = Date.parse(queued?.params.request.occurred_at ?? '');
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    // What the screen shows is the machine's next state.
    expect(services.queryClient.getQueryData(orderKeys.detail(ORDER))).toEqual({
      id: ORDER,
      status: 'CANCELLED',
      version: 4,
    });
  });

  it('says in plain words why a move was refused, adopts the server’s order, and lets the person move on', async () => {
    const current = acceptedOrder();
    services.api.call = (async () => {
      throw new ApiError(409, 'CONFLICT', 'This order changed since you saw it', { current });
    }) as typeof services.api.call;
    show('PENDING', 'customer');
    fireEvent.press(await screen.findByRole('button', { name: 'Cancel order' }));

    expect(
      await screen.findByText('This order is already accepted, so it can no longer be cancelled.'),
    ).toBeOnTheScreen();
    expect(services.queryClient.getQueryData(orderKeys.detail(ORDER))).toEqual(current);
    expect(buttons()).toEqual(['OK']);
    fireEvent.press(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByText(/already accepted/)).toBeNull(), { timeout: 5000 });
    expect(services.queue.actions()).toEqual([]);
  });
});
