import type { Checkout, Order, OrderEvent, OrderStatus, PaymentEntry } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { orderFixture } from '@kupwara/shared/testing';
import { awaitingPaymentStatus, initialStatus, pathBetween } from '@kupwara/shared/values';
import AsyncStorage from '@react-native-async-storage/async-storage';
import { fireEvent, renderRouter, screen, within } from 'expo-router/testing-library';
import SignedInLayout from '../../../app/(app)/_layout';
import OrderTracking from '../../../app/(app)/orders/[id]';
import Orders from '../../../app/(app)/orders/index';
import { servicesForTest, TestRoot } from '../../__tests__/harness';
import type { CustomerServices } from '../../services';
import { openCheckout } from './checkout';

jest.setTimeout(20_000);
jest.mock('./checkout', () => ({ openCheckout: jest.fn() }));
const checkoutOpened = openCheckout as jest.MockedFunction<typeof openCheckout>;

const ID = '01900000-0000-7000-8000-0000000000c1';
const routes = {
  _layout: TestRoot,
  '(app)/_layout': SignedInLayout,
  '(app)/orders/index': Orders,
  '(app)/orders/[id]': OrderTracking,
};

let services: CustomerServices;
let calls: { name: string; body?: unknown }[];
let answers: Record<string, () => unknown>;

const at = (minute: number) => `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`;
const event = (seq: number, status: OrderStatus, from: OrderStatus | null): OrderEvent => ({
  order_id: ID,
  seq,
  kind: 'transition',
  status,
  from_status: from,
  actor: 'system',
  reason: null,
  reason_code: null,
  occurred_at: at(seq),
  recorded_at: at(seq),
});
/** The timeline of an order that went from `first` to `to` the way the machine allows. */
const walked = (first: OrderStatus, to: OrderStatus) => [
  event(1, first, null),
  ...pathBetween(first, to).map((step, index) => event(index + 2, step.to, step.from)),
];

const awaiting = (): Order =>
  orderFixture({
    id: ID,
    status: awaitingPaymentStatus,
    answer_by: null,
    payment_method: 'online',
    payment: { method: 'online', state: 'awaiting', pay_by: new Date(Date.now() + 15 * 60_000).toISOString() },
    timeline: walked(awaitingPaymentStatus, awaitingPaymentStatus),
  });
const paid = (): Order => ({
  ...awaiting(),
  status: initialStatus,
  version: 2,
  payment: { method: 'online', state: 'paid', pay_by: null },
  timeline: walked(awaitingPaymentStatus, initialStatus),
});
const checkout: Checkout = {
  gateway: 'razorpay',
  key_id: 'rzp_test_kupwara',
  gateway_order_id: 'order_Kq3vX9pLm2Nw7z',
  amount_paise: 12_000,
  currency: 'INR',
  checkout_url: 'http://127.0.0.1:9/v1/checkout.js',
  name: 'Gulzar Kiryana',
  description: 'Order of 1 item',
  prefill: { name: 'Rafiq', contact: '+919419000111' },
  pay_by: new Date(Date.now() + 15 * 60_000).toISOString(),
};
const response = {
  razorpay_order_id: 'order_Kq3vX9pLm2Nw7z',
  razorpay_payment_id: 'pay_Lr4wY0qMn3Ox8a',
  razorpay_signature: 'a'.repeat(64),
};
const entry = (over: Partial<PaymentEntry>): PaymentEntry => ({
  id: '01900000-0000-7000-8000-0000000000d1',
  kind: 'charge',
  status: 'captured',
  amount_paise: 12_000,
  instrument: 'upi',
  reference: 'pay_Lr4wY0qMn3Ox8a',
  reason: null,
  error: null,
  created_at: at(1),
  updated_at: at(1),
  ...over,
});

beforeEach(async () => {
  // The cache saved on the phone by the test before would show its order first.
  await AsyncStorage.clear();
  checkoutOpened.mockReset();
  services = servicesForTest();
  calls = [];
  answers = { getOrder: awaiting, startPayment: () => checkout, verifyPayment: paid };
  services.api.call = (async (name: string, input: { body?: unknown }) => {
    calls.push({ name, body: input.body });
    const answer = answers[name];
    if (!answer) throw new ApiError(0, 'NETWORK_ERROR', 'No connection to the server');
    return answer();
  }) as typeof services.api.call;
  services.session.store.setState({ session: { access_token: 'a', user: { id: 'c1' } } as never, loaded: true });
});
afterEach(async () => {
  await services.queue.clear();
  services.queue.close();
  services.queryClient.clear();
});

describe('an order paid online', () => {
  it('waiting for payment: says what to pay and the time left, pays from the screen, and shows it paid', async () => {
    checkoutOpened.mockResolvedValue({ outcome: 'paid', response });
    renderRouter(routes, { initialUrl: `/orders/${ID}` });
    const card = await screen.findByTestId('awaiting-payment');
    expect(within(card).getByRole('heading', { name: 'Waiting for payment' })).toBeTruthy();
    expect(within(card).getByText('To pay: ₹120')).toBeTruthy();
    expect(within(card).getByTestId('pay-time-left')).toHaveTextContent(/^1[45]:\d\d left to pay$/);
    expect(within(card).getByRole('button', { name: 'Cancel order' })).toBeTruthy();
    // The timeline starts at the payment for an order paid online.
    expect(screen.getByLabelText(/^Waiting for payment, current step/)).toBeTruthy();
    expect(screen.queryByTestId('delivery-code')).toBeNull();

    fireEvent.press(within(card).getByRole('button', { name: 'Pay ₹120' }));
    expect(await screen.findByText('Paid online ₹120')).toBeTruthy();
    expect(screen.queryByTestId('awaiting-payment')).toBeNull();
    expect(checkoutOpened.mock.calls.map(([opened]) => opened)).toEqual([checkout]);
    expect(calls.filter((call) => call.name !== 'getOrder')).toEqual([
      { name: 'startPayment', body: undefined },
      { name: 'verifyPayment', body: response },
    ]);
    expect(screen.getByText('Paid: your order is with the shop')).toBeTruthy();
    expect(screen.getByLabelText(/^Placed, current step/)).toBeTruthy();
  });

  it('opens the checkout by itself just after the order was placed, and says when it was closed unpaid', async () => {
    checkoutOpened.mockResolvedValue({ outcome: 'dismissed' });
    renderRouter(routes, { initialUrl: `/orders/${ID}?pay=1` });
    expect(
      await screen.findByText('Payment not finished. You can pay from this screen until the time runs out.'),
    ).toBeTruthy();
    expect(checkoutOpened).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Pay ₹120' })).toBeEnabled();
    expect(calls.map((call) => call.name)).not.toContain('verifyPayment');
  });

  it('says why an attempt failed', async () => {
    checkoutOpened.mockResolvedValue({ outcome: 'failed', why: 'Your bank declined the payment' });
    renderRouter(routes, { initialUrl: `/orders/${ID}` });
    fireEvent.press(await screen.findByRole('button', { name: 'Pay ₹120' }));
    expect(await screen.findByText('The payment did not go through: Your bank declined the payment')).toBeTruthy();
  });

  it('a payment made in the checkout after a failed attempt is still confirmed', async () => {
    checkoutOpened.mockImplementation(async (_, onLatePayment) => {
      setTimeout(() => onLatePayment?.(response), 10);
      return { outcome: 'failed', why: 'Your bank declined the payment' };
    });
    renderRouter(routes, { initialUrl: `/orders/${ID}` });
    fireEvent.press(await screen.findByRole('button', { name: 'Pay ₹120' }));
    expect(await screen.findByText('Paid online ₹120')).toBeTruthy();
    expect(calls.filter((call) => call.name === 'verifyPayment')).toEqual([{ name: 'verifyPayment', body: response }]);
  });

  it('refused as unsigned by the server: says so and keeps the order waiting', async () => {
    checkoutOpened.mockResolvedValue({ outcome: 'paid', response });
    answers.verifyPayment = () => {
      throw new ApiError(400, 'PAYMENT_SIGNATURE_INVALID', 'The payment signature is not valid');
    };
    renderRouter(routes, { initialUrl: `/orders/${ID}` });
    fireEvent.press(await screen.findByRole('button', { name: 'Pay ₹120' }));
    expect(await screen.findByText(/^This payment could not be confirmed/)).toBeTruthy();
    expect(screen.getByTestId('awaiting-payment')).toBeTruthy();
  });

  it('on a phone without Razorpay’s native SDK (Expo Go), explains that paying online needs the app', async () => {
    checkoutOpened.mockImplementation(jest.requireActual('./checkout').openCheckout);
    renderRouter(routes, { initialUrl: `/orders/${ID}` });
    fireEvent.press(await screen.findByRole('button', { name: 'Pay ₹120' }));
    expect(await screen.findByText(/^Paying online needs the KupwaraCart app from the store/)).toBeTruthy();
  });

  it('once the time to pay is up, says the order will not go to the shop and offers no payment', async () => {
    answers.getOrder = () => ({
      ...awaiting(),
      payment: { method: 'online', state: 'awaiting', pay_by: new Date(Date.now() - 1000).toISOString() },
    });
    renderRouter(routes, { initialUrl: `/orders/${ID}` });
    expect(await screen.findByText('Time to pay is up: the order will not go to the shop.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pay ₹120' })).toBeDisabled();
    expect(screen.queryByTestId('pay-time-left')).toBeNull();
  });

  it('a paid order that did not reach the door: the refund started, then done, with the history', async () => {
    const history = [
      entry({
        id: '01900000-0000-7000-8000-0000000000d0',
        status: 'failed',
        reference: 'pay_Fa1l3dAttempt0',
        error: 'Your bank declined the payment',
      }),
      entry({}),
      entry({
        id: '01900000-0000-7000-8000-0000000000d2',
        kind: 'refund',
        status: 'pending',
        instrument: null,
        reference: null,
        reason: 'rejected',
        created_at: at(9),
      }),
    ];
    const rejected = (state: 'refunding' | 'refunded'): Order => ({
      ...paid(),
      status: 'REJECTED',
      payment: { method: 'online', state, pay_by: null, history },
      timeline: [...walked(awaitingPaymentStatus, initialStatus), event(3, 'REJECTED', initialStatus)],
    });
    answers.getOrder = () => rejected('refunding');
    renderRouter(routes, { initialUrl: `/orders/${ID}` });
    expect(await screen.findByText('Refund of ₹120 started — back in 5–7 days')).toBeTruthy();
    const list = screen.getByLabelText('Payment history');
    expect(within(list).getByText('Online payment · UPI · failed')).toBeTruthy();
    expect(within(list).getByText(/· Your bank declined the payment$/)).toBeTruthy();
    expect(within(list).getByText('Online payment · UPI · paid')).toBeTruthy();
    expect(within(list).getByText('Refund · started')).toBeTruthy();

    answers.getOrder = () => rejected('refunded');
    await services.queryClient.refetchQueries({ queryKey: ['order', ID] });
    expect(await screen.findByText('Refunded ₹120')).toBeTruthy();
  });

  it('a cash order says so, and its timeline has no payment step', async () => {
    answers.getOrder = () => orderFixture({ id: ID, timeline: walked(initialStatus, initialStatus) });
    renderRouter(routes, { initialUrl: `/orders/${ID}` });
    expect(await screen.findByText('Cash on delivery ₹120')).toBeTruthy();
    expect(screen.getByLabelText(/^Placed, current step/)).toBeTruthy();
    expect(screen.queryByLabelText(/^Waiting for payment/)).toBeNull();
    expect(screen.queryByTestId('awaiting-payment')).toBeNull();
  });

  it('the orders list shows an order waiting for payment as such', async () => {
    const { payment: _, timeline: __, ...summary } = awaiting();
    answers.listOrders = () => ({ items: [summary], next_cursor: null });
    renderRouter(routes, { initialUrl: '/orders' });
    const row = await screen.findByTestId(`order-${ID}`);
    expect(within(row).getByText('Waiting for payment')).toBeTruthy();
  });
});
