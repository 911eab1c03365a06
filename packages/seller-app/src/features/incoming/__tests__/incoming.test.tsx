import type { OrderSummary, ServerFrame } from '@kupwara/shared';
import type { Ringer } from '@kupwara/shared/app';
import { orderFixture, playServerSocket } from '@kupwara/shared/testing';
import { Slot } from 'expo-router';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import { Text } from 'react-native';
import { servicesForTest, signIn, TestRoot } from '../../../__tests__/harness';
import { IncomingOrdersProvider } from '../IncomingOrders';
import { OrdersTab } from '../OrdersTab';

const STORE = '01900000-0000-7000-8000-0000000000a1';
const FIRST = '01900000-0000-7000-8000-0000000000b1';
const SECOND = '01900000-0000-7000-8000-0000000000b2';

/** The speaker, as the provider drives it: whether it is ringing now. */
function recordingRinger(): Ringer & { ringing: boolean } {
  return {
    ringing: false,
    start() {
      this.ringing = true;
    },
    stop() {
      this.ringing = false;
    },
    unlock() {},
    blocked: false,
    onBlocked: () => () => undefined,
  };
}

/** The test plays the server on the app's socket. */
let server: ReturnType<typeof playServerSocket>;
const serverSends = (frame: ServerFrame) => server.sends(frame);

const summary = (id: string, over: Partial<OrderSummary> = {}) => {
  const { id: _, ...order } = orderFixture({ id, customer: { id: FIRST, name: 'Shabnam Bhat', phone: null } });
  return { ...order, id, answer_by: new Date(Date.now() + 300_000).toISOString(), ...over };
};

let bell: Ringer = recordingRinger();
function Layout() {
  return (
    <IncomingOrdersProvider storeId={STORE} ringer={bell} alertTitle={() => 'New order'}>
      <Slot />
    </IncomingOrdersProvider>
  );
}

function start(orders: OrderSummary[], calls: { name: string; input: unknown }[] = [], shop?: object) {
  const ringer = recordingRinger();
  const record = (name: string, answer: (input: unknown) => unknown) => (input: unknown) => {
    calls.push({ name, input });
    return answer(input);
  };
  server = playServerSocket();
  const services = servicesForTest({
    listOrders: record('listOrders', () => ({ items: orders, next_cursor: null })),
    markOrderSeen: record('markOrderSeen', () => orders[0]),
    transitionOrder: record('transitionOrder', () => orderFixture({ id: FIRST, status: 'ACCEPTED', version: 2 })),
    ...(shop ? { getMyStore: () => shop } : {}),
  });
  signIn(services);
  bell = ringer;
  const app = renderRouter(
    {
      _layout: TestRoot,
      '(app)/_layout': Layout,
      '(app)/index': OrdersTab,
      '(app)/orders/[id]': () => <Text>Order detail</Text>,
    },
    { initialUrl: '/' },
  );
  return { app, ringer, calls };
}

const connectSocket = () => server.connect('u1', `store.${STORE}`);

describe('new orders ring until someone opens or answers them', () => {
  it('rings while an unseen new order waits, and stops when it is opened here', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { app, ringer } = start([summary(FIRST)], calls);
    expect(await screen.findByText('Shabnam')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New (1)' })).toBeTruthy();
    expect(ringer.ringing).toBe(true);

    fireEvent.press(screen.getByRole('button', { name: /Order from Shabnam, 1 item/ }));
    await waitFor(() => expect(app.getPathname()).toBe(`/orders/${FIRST}`));
    expect(ringer.ringing).toBe(false);
    expect(calls.filter((call) => call.name === 'markOrderSeen').map((call) => call.input)).toEqual([
      { params: { id: FIRST } },
    ]);
  });

  it('stops when another device of the shop opens it, and keeps ringing for the one still unseen', async () => {
    const { ringer } = start([summary(FIRST), summary(SECOND)]);
    await screen.findAllByText('Shabnam');
    await connectSocket();
    expect(ringer.ringing).toBe(true);
    expect(screen.getAllByText('New')).toHaveLength(2);
    await serverSends({ type: 'seen', channel: `store.${STORE}`, order_id: FIRST, seen_at: new Date().toISOString() });
    await waitFor(() => expect(screen.getAllByText('New')).toHaveLength(1));
    expect(ringer.ringing).toBe(true);
    await serverSends({ type: 'seen', channel: `store.${STORE}`, order_id: SECOND, seen_at: new Date().toISOString() });
    await waitFor(() => expect(screen.queryAllByText('New')).toHaveLength(0));
    expect(ringer.ringing).toBe(false);
  });

  it('does not ring for a new order already seen, but shows it to answer', async () => {
    const { ringer } = start([summary(FIRST, { seen: true })]);
    expect(await screen.findByText('Shabnam')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeTruthy();
    expect(ringer.ringing).toBe(false);
  });
});

describe('answering a new order', () => {
  it('accepts with the preparation time picked in the sheet (15 minutes unless changed)', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { ringer } = start([summary(FIRST)], calls);
    fireEvent.press(await screen.findByRole('button', { name: 'Accept' }));
    expect(screen.getByRole('radio', { name: '15 min' }).props.accessibilityState).toEqual({ checked: true });
    fireEvent.press(screen.getByRole('radio', { name: '30 min' }));
    fireEvent.press(screen.getByRole('button', { name: 'Accept, ready in 30 min' }));
    await waitFor(() => expect(calls.some((call) => call.name === 'transitionOrder')).toBe(true));
    const sent = calls.find((call) => call.name === 'transitionOrder')?.input as { body: object };
    expect(sent.body).toMatchObject({ to: 'ACCEPTED', prep_minutes: 30, version: 1 });
    expect(ringer.ringing).toBe(false);
  });

  it("preselects the busy mode's extra minutes on top, while it is on", async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    start([summary(FIRST)], [], { id: STORE, extra_prep_minutes: 15, extra_prep_until: until, paused_until: null });
    fireEvent.press(await screen.findByRole('button', { name: 'Accept' }));
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: '30 min' }).props.accessibilityState).toEqual({ checked: true }),
    );
  });

  it('rejects with a reason from the list; "other" needs the words', async () => {
    const calls: { name: string; input: unknown }[] = [];
    start([summary(FIRST)], calls);
    fireEvent.press(await screen.findByRole('button', { name: 'Reject' }));
    const confirm = () => screen.getByRole('button', { name: 'Reject order' });
    expect(confirm().props.accessibilityState).toMatchObject({ disabled: true });
    for (const reason of ['Items out of stock', 'Closing soon', 'Too busy', 'Other reason'])
      expect(screen.getByRole('radio', { name: reason })).toBeTruthy();
    fireEvent.press(screen.getByRole('radio', { name: 'Other reason' }));
    expect(confirm().props.accessibilityState).toMatchObject({ disabled: true });
    fireEvent.changeText(screen.getByLabelText('Tell the customer why'), 'Power cut in the bazaar');
    expect(confirm().props.accessibilityState).toMatchObject({ disabled: false });
    fireEvent.press(confirm());
    await waitFor(() => expect(calls.some((call) => call.name === 'transitionOrder')).toBe(true));
    const sent = calls.find((call) => call.name === 'transitionOrder')?.input as { body: object };
    expect(sent.body).toMatchObject({ to: 'REJECTED', reject_reason: 'other', reason: 'Power cut in the bazaar' });
  });
});

describe('an order card', () => {
  it('says how the order is paid: cash on delivery, or paid online', async () => {
    start([
      summary(FIRST),
      summary(SECOND, { payment_method: 'online', customer: { id: SECOND, name: 'Irfan Lone' } }),
    ]);
    expect(
      await screen.findByRole('button', { name: /^Order from Shabnam, .*, Cash on delivery\. Open it$/ }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Order from Irfan, .*, Paid online\. Open it$/ })).toBeTruthy();
    expect(screen.getAllByText(/· Paid online$/)).toHaveLength(1);
    expect(screen.getAllByText(/· Cash on delivery$/)).toHaveLength(1);
  });
});
