import type { Order, TransitionRequest } from '@kupwara/shared';
import { orderKeys } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { orderFixture, setNetwork } from '@kupwara/shared/testing';
import { applyTransition } from '@kupwara/shared/values';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Linking } from 'react-native';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';
import type { RiderServices } from '../../../services';

const ORDER = '01900000-0000-7000-8000-00000000de01';
const order = (over: Partial<Order> = {}): Order =>
  orderFixture({
    id: ORDER,
    status: 'RIDER_ASSIGNED',
    version: 5,
    store: {
      id: '01900000-0000-7000-8000-000000000002',
      name: 'Gulzar Kiryana',
      phone: '+919419100001',
      address: 'Old Bus Stand',
      location: { lat: 34.5297, lng: 74.2543 },
    },
    customer: { id: '01900000-0000-7000-8000-000000000003', name: 'Shazia Bhat', phone: '+919419100002' },
    rider: { id: 'r1', name: 'Bilal Mir', phone: '+919419100009' },
    items: [
      {
        product_id: '01900000-0000-7000-8000-0000000000b1',
        name: 'Basmati Rice',
        unit: '1 kg',
        unit_price_paise: 12_000,
        quantity: 2,
        line_total_paise: 24_000,
      },
    ],
    item_count: 2,
    subtotal_paise: 24_000,
    delivery_fee_paise: 1_500,
    total_paise: 25_500,
    payment_method: 'cash',
    delivery_address: {
      label: 'Home',
      text: 'House 12, Main Road',
      location: { lat: 34.5331, lng: 74.2601 },
      landmark: 'Behind the Jamia Masjid, green gate',
    },
    distance_m: 800,
    note: 'Ring twice',
    ...over,
  });

type Answer = (input: unknown) => unknown;
type Sent = { params: { id: string }; body: TransitionRequest; idempotencyKey: string };
let services: RiderServices;
let server: Order;
let sent: Sent[];

/** The server's side of a move: the machine's answer, as the real server applies it. */
const serverMoves: Answer = (input) => {
  const { body } = input as Sent;
  sent.push(input as Sent);
  const next = applyTransition(server, body, 'rider');
  if (!next.ok) throw new ApiError(409, 'INVALID_TRANSITION', 'refused');
  server = { ...next.order, version: server.version + 1 };
  return server;
};

function open(start: Order, answers: Record<string, Answer> = {}) {
  server = start;
  sent = [];
  const all: Record<string, Answer> = { getOrder: () => server, transitionOrder: serverMoves, ...answers };
  services = servicesForTest(all);
  signIn(services);
  renderRouter(appRoutes, { initialUrl: `/delivery/${ORDER}` });
  return all;
}

const press = (name: string) => fireEvent.press(screen.getByRole('button', { name }));
async function pressWhenShown(name: string) {
  fireEvent.press(await screen.findByRole('button', { name }));
}
async function typeCode(code: string) {
  fireEvent.changeText(await screen.findByLabelText("Customer's code"), code);
}
/** The code typed and the cash ticked as taken (it stays ticked after a refused code). */
async function handOver(code: string) {
  await typeCode(code);
  const name = 'I have collected ₹255 in cash';
  if (!screen.queryByRole('checkbox', { name, checked: true })) fireEvent.press(screen.getByRole('checkbox', { name }));
}

// A whole delivery is many renders: more than jest's 5 s on a shared machine.
jest.setTimeout(30_000);
afterEach(() => jest.restoreAllMocks());

describe('the delivery, one step per screen', () => {
  it('to the shop: the shop, its number, the lines to collect, navigation, then Picked up', async () => {
    const opened = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    open(order());
    expect(await screen.findByRole('heading', { name: 'Go to the shop' })).toBeTruthy();
    expect(screen.getByText('Gulzar Kiryana')).toBeTruthy();
    expect(screen.getByText('Old Bus Stand')).toBeTruthy();
    expect(screen.getByText('2 × Basmati Rice')).toBeTruthy();
    expect(screen.getByLabelText('Map of the shop, the customer and you')).toBeTruthy();
    // Nothing of the customer's yet: this step is the shop's.
    expect(screen.queryByRole('button', { name: 'Call the customer' })).toBeNull();

    press('Call the shop');
    expect(opened).toHaveBeenLastCalledWith('tel:+919419100001');
    press('Navigate to Gulzar Kiryana in your map app');
    // jest-expo runs as iOS: Google Maps first when it opens.
    await waitFor(() =>
      expect(opened).toHaveBeenLastCalledWith('comgooglemaps://?daddr=34.5297,74.2543&directionsmode=driving'),
    );

    press('Picked up');
    expect(await screen.findByRole('heading', { name: 'Picked up: start the ride' })).toBeTruthy();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.params).toEqual({ id: ORDER });
    expect(sent[0]?.body).toMatchObject({ to: 'PICKED_UP', version: 5 });
    expect(Date.parse(sent[0]?.body.occurred_at ?? '')).not.toBeNaN();
  });

  it('on the way: the customer, the landmark and note, what to collect, then the door', async () => {
    const opened = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    open(order({ status: 'PICKED_UP' }));
    expect(await screen.findByRole('heading', { name: 'Picked up: start the ride' })).toBeTruthy();
    expect(screen.getByText('Shazia Bhat')).toBeTruthy();
    expect(screen.getByText('House 12, Main Road')).toBeTruthy();
    expect(screen.getByText('Behind the Jamia Masjid, green gate')).toBeTruthy();
    expect(screen.getByText('Ring twice')).toBeTruthy();
    expect(screen.getByText('Cash on delivery: collect ₹255')).toBeTruthy();

    press('Start the ride');
    expect(await screen.findByRole('heading', { name: 'Take it to the customer' })).toBeTruthy();
    await waitFor(() => expect(sent.map((move) => move.body.to)).toEqual(['IN_TRANSIT']));
    press('Call the customer');
    expect(opened).toHaveBeenLastCalledWith('tel:+919419100002');
    press('Navigate to Shazia Bhat in your map app');
    await waitFor(() =>
      expect(opened).toHaveBeenLastCalledWith('comgooglemaps://?daddr=34.5331,74.2601&directionsmode=driving'),
    );

    press("I'm at the door");
    expect(await screen.findByRole('heading', { name: 'Hand it over' })).toBeTruthy();
    // Nothing is sent for being at the door: only the code delivers.
    expect(sent).toHaveLength(1);
  });

  it('hand-over: Deliver waits for the 4 digits and the cash confirmed, then sends both; the done screen says what was earned', async () => {
    open(order({ status: 'IN_TRANSIT', version: 7 }));
    await pressWhenShown("I'm at the door");
    await typeCode('48');
    expect(screen.getByRole('button', { name: 'Deliver' })).toBeDisabled();
    await typeCode('4821');
    expect(screen.getByRole('button', { name: 'Deliver' })).toBeDisabled();
    const tick = screen.getByRole('checkbox', { name: 'I have collected ₹255 in cash' });
    expect(tick).not.toBeChecked();
    // Ticked and unticked again: not confirmed, Deliver stays off.
    fireEvent.press(tick);
    fireEvent.press(screen.getByRole('checkbox', { name: 'I have collected ₹255 in cash' }));
    expect(screen.getByRole('button', { name: 'Deliver' })).toBeDisabled();
    fireEvent.press(screen.getByRole('checkbox', { name: 'I have collected ₹255 in cash' }));
    expect(screen.getByRole('checkbox', { name: 'I have collected ₹255 in cash' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Deliver' })).toBeEnabled();
    press('Deliver');
    expect(await screen.findByRole('heading', { name: 'Delivered' })).toBeTruthy();
    // The cash the rider confirmed travels with the code: the server checks it is the total.
    expect(sent.map((move) => move.body)).toEqual([
      expect.objectContaining({ to: 'DELIVERED', otp: '4821', version: 7, cash_collected_paise: 25_500 }),
    ]);
    // 800 m straight is 1.04 km of road: ₹20 and 11 started 100 m at ₹0.80.
    expect(screen.getByText('You earned ₹28.80')).toBeTruthy();
    expect(screen.getByText('Cash collected: ₹255')).toBeTruthy();
    // Once delivered, no numbers to ring.
    expect(screen.queryByRole('button', { name: /^Call/ })).toBeNull();
  });

  it('paid online: nothing to collect, no cash to confirm, and no cash sent with the code', async () => {
    open(
      order({
        status: 'IN_TRANSIT',
        version: 7,
        payment_method: 'online',
        payment: { method: 'online', state: 'paid', pay_by: null },
      }),
    );
    expect(await screen.findByText('Paid already: collect nothing')).toBeTruthy();
    await pressWhenShown("I'm at the door");
    await typeCode('4821');
    expect(screen.queryByRole('checkbox')).toBeNull();
    press('Deliver');
    expect(await screen.findByRole('heading', { name: 'Delivered' })).toBeTruthy();
    expect(sent.map((move) => move.body)).toEqual([expect.objectContaining({ to: 'DELIVERED', otp: '4821' })]);
    expect(sent[0]?.body).not.toHaveProperty('cash_collected_paise');
    expect(screen.queryByText(/^Cash collected/)).toBeNull();
  });

  it('a wrong code says how many tries are left, and the next code typed is the one sent', async () => {
    let wrong = true;
    open(order({ status: 'IN_TRANSIT', version: 7 }), {
      transitionOrder: (input) => {
        if (!wrong) return serverMoves(input);
        wrong = false;
        sent.push(input as Sent);
        throw new ApiError(409, 'WRONG_OTP', 'Wrong code', { tries_left: 3 });
      },
    });
    await pressWhenShown("I'm at the door");
    await handOver('1111');
    press('Deliver');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong code — 3 tries left');
    expect(screen.getByRole('heading', { name: 'Hand it over' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'I have collected ₹255 in cash' })).toBeChecked();
    await handOver('4821');
    press('Deliver');
    expect(await screen.findByRole('heading', { name: 'Delivered' })).toBeTruthy();
    expect(sent.map((move) => move.body.otp)).toEqual(['1111', '4821']);
    // A new action, with its own Idempotency-Key: the server would answer a replay with the refusal again.
    expect(sent[1]?.idempotencyKey).not.toBe(sent[0]?.idempotencyKey);
    expect(services.queue.actions()).toEqual([]);
  });

  it('a locked hand-over says to call the shop, with the number the server gave', async () => {
    const opened = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    open(order({ status: 'IN_TRANSIT' }), {
      transitionOrder: () => {
        throw new ApiError(409, 'OTP_LOCKED', 'Locked', { store_phone: '+919419100777' });
      },
    });
    await pressWhenShown("I'm at the door");
    await handOver('1111');
    press('Deliver');
    expect(await screen.findByRole('alert')).toHaveTextContent('The hand-over is locked — call the shop');
    expect(screen.queryByRole('button', { name: 'Deliver' })).toBeNull();
    press('Call the shop');
    expect(opened).toHaveBeenLastCalledWith('tel:+919419100777');
  });
});

describe('a delivery with no signal', () => {
  it('advances every step on the phone, queues them in order with when the rider acted, and waits to confirm the code', async () => {
    const answers = open(order());
    await screen.findByRole('heading', { name: 'Go to the shop' });
    act(() => setNetwork(false));
    const offline = answers.transitionOrder;
    delete answers.transitionOrder;
    delete answers.getOrder;

    press('Picked up');
    await pressWhenShown('Start the ride');
    await pressWhenShown("I'm at the door");
    await handOver('4821');
    press('Deliver');
    expect(
      await screen.findByText('Waiting to confirm the code — it is checked as soon as you have signal'),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Handed over' })).toBeTruthy();
    const queued = services.queue.actions();
    expect(queued.map((action) => [action.params, action.status])).toEqual([
      [expect.objectContaining({ request: expect.objectContaining({ to: 'PICKED_UP', version: 5 }) }), 'pending'],
      [expect.objectContaining({ request: expect.objectContaining({ to: 'IN_TRANSIT', version: 6 }) }), 'pending'],
      [
        expect.objectContaining({
          request: expect.objectContaining({ to: 'DELIVERED', otp: '4821', version: 7, cash_collected_paise: 25_500 }),
        }),
        'pending',
      ],
    ]);
    expect(sent).toEqual([]);

    answers.transitionOrder = offline as Answer;
    answers.getOrder = () => server;
    act(() => setNetwork(true));
    expect(await screen.findByText('You earned ₹28.80')).toBeTruthy();
    // Sent as they were queued, one after another.
    expect(sent.map((move) => move.body.to)).toEqual(queued.map((action) => action.params.request.to));
    // Each step carries when the rider made it, not when it reached the server.
    expect(sent.map((move) => move.body.occurred_at)).toEqual(
      queued.map((action) => (action.params as { request: TransitionRequest }).request.occurred_at),
    );
  });

  it('a wrong code typed offline is shown at once on reconnect, and the order is not delivered', async () => {
    const answers = open(order({ status: 'IN_TRANSIT', version: 7 }));
    await pressWhenShown("I'm at the door");
    act(() => setNetwork(false));
    delete answers.transitionOrder;
    await handOver('1111');
    press('Deliver');
    await screen.findByText('Waiting to confirm the code — it is checked as soon as you have signal');

    answers.transitionOrder = (input) => {
      sent.push(input as Sent);
      throw new ApiError(409, 'WRONG_OTP', 'Wrong code', { tries_left: 4 });
    };
    act(() => setNetwork(true));
    // The offline banner is an alert too, until the network is back: the refusal is found by its words.
    expect(await screen.findByText('Wrong code — 4 tries left')).toHaveProp('role', 'alert');
    expect(screen.getByRole('heading', { name: 'Hand it over' })).toBeTruthy();
    expect(screen.queryByText('You earned ₹28.80')).toBeNull();
    expect(sent).toHaveLength(1);
    await waitFor(() =>
      expect(services.queryClient.getQueryData<Order>(orderKeys.detail(ORDER))?.status).toBe('IN_TRANSIT'),
    );
  });
});
