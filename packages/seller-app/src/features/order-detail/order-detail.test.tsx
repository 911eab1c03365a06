import type { Order, SellerOrderRider } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { orderFixture } from '@kupwara/shared/testing';
import * as Print from 'expo-print';
import { fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import SignedInLayout from '../../../app/(app)/_layout';
import OrderScreen from '../../../app/(app)/orders/[id]';
import { servicesForTest, signIn, TestRoot } from '../../__tests__/harness';
import type { SellerServices } from '../../services';

jest.mock('expo-print', () => ({ printAsync: jest.fn(async () => undefined) }));
// The Orders tab's ringer (pulled in with its answer buttons) plays through the phone's audio.
jest.mock('expo-audio', () => ({ createAudioPlayer: jest.fn(), setAudioModeAsync: jest.fn(async () => undefined) }));

const ORDER = '01900000-0000-7000-8000-00000000ab12';
const order = (over: Partial<Order> = {}) =>
  orderFixture({
    id: ORDER,
    status: 'PREPARING',
    customer: { id: '01900000-0000-7000-8000-000000000003', name: 'Shabnam Bhat', phone: '+919419100001' },
    items: [
      {
        product_id: '01900000-0000-7000-8000-0000000000b1',
        name: 'Basmati Rice',
        unit: '1 kg',
        unit_price_paise: 12_000,
        quantity: 2,
        line_total_paise: 24_000,
      },
      {
        product_id: '01900000-0000-7000-8000-0000000000b2',
        name: 'Kahwa Tea',
        unit: '250 g',
        unit_price_paise: 25_050,
        quantity: 1,
        line_total_paise: 25_050,
      },
    ],
    subtotal_paise: 49_050,
    delivery_fee_paise: 1_500,
    total_paise: 50_550,
    note: 'Ring twice',
    ...over,
  });
const RIDER = { id: '01900000-0000-7000-8000-0000000000c1', name: 'Bilal Mir', phone: '+919419100009' };
const riderAnswer = (approach: NonNullable<SellerOrderRider['rider']>['approach']): SellerOrderRider => ({
  rider: { ...RIDER, vehicle_type: 'scooter', approach },
});

let services: SellerServices;
const routes = { _layout: TestRoot, '(app)/_layout': SignedInLayout, '(app)/orders/[id]': OrderScreen };
function open(answers: Record<string, (input: unknown) => unknown>) {
  services = servicesForTest(answers);
  signIn(services);
  return renderRouter(routes, { initialUrl: `/orders/${ORDER}` });
}

describe('the order detail screen', () => {
  it('ticks lines off, counts them, and keeps them on the device', async () => {
    open({ getOrder: () => order() });
    await screen.findByText('0 of 2 picked');
    expect(screen.getByText('₹505.50')).toBeTruthy();
    expect(screen.getByText('Ring twice')).toBeTruthy();
    expect(screen.getByText('Shabnam')).toBeTruthy();
    fireEvent.press(screen.getByRole('checkbox', { name: '2 1 kg, Basmati Rice' }));
    await screen.findByText('1 of 2 picked');
    expect(screen.getByRole('checkbox', { name: '2 1 kg, Basmati Rice' }).props.accessibilityState).toEqual({
      checked: true,
    });
    fireEvent.press(screen.getByRole('checkbox', { name: '1 250 g, Kahwa Tea' }));
    await screen.findByText('All picked');
    expect(services.local.picks.store.getState()).toEqual({
      [ORDER]: ['01900000-0000-7000-8000-0000000000b1', '01900000-0000-7000-8000-0000000000b2'],
    });
  });

  it('says how the order is paid: the cash the rider collects, or paid online and nothing to collect', async () => {
    open({ getOrder: () => order() });
    expect(await screen.findByTestId('cash-to-collect')).toHaveTextContent('₹505.50');
    expect(screen.getByText('Cash on delivery')).toBeTruthy();
    expect(screen.getByText('The rider collects this from the customer.')).toBeTruthy();
    expect(screen.queryByText('Paid online')).toBeNull();
  });

  it('an order paid online has no cash to collect', async () => {
    open({
      getOrder: () => order({ payment_method: 'online', payment: { method: 'online', state: 'paid', pay_by: null } }),
    });
    expect(await screen.findByTestId('paid-online')).toHaveTextContent('Paid online');
    expect(screen.getByText('The customer paid in the app: nothing to collect at the door.')).toBeTruthy();
    expect(screen.queryByTestId('cash-to-collect')).toBeNull();
  });

  it('answers a new order from the detail too', async () => {
    open({ getOrder: () => order({ status: 'PENDING' }) });
    await screen.findByText('0 of 2 picked');
    expect(screen.getByRole('button', { name: 'Accept' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ready for pickup' })).toBeNull();
  });

  it('offers "Ready for pickup" while the order is prepared', async () => {
    open({ getOrder: () => order({ status: 'PREPARING' }) });
    expect(await screen.findByRole('button', { name: 'Ready for pickup' })).toBeTruthy();
    expect(screen.getByText('Next step')).toBeTruthy();
  });

  it('says when the order cannot be loaded, and loads it on retry', async () => {
    let tries = 0;
    open({
      getOrder: () => {
        tries += 1;
        if (tries === 1) throw new ApiError(404, 'NOT_FOUND', 'Order not found');
        return order();
      },
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Try again' }));
    await screen.findByText('0 of 2 picked');
  });

  it('has no rider card details before a rider takes the order', async () => {
    open({ getOrder: () => order() });
    await screen.findByText('No rider yet. One is sent when the order is ready.');
  });

  it('shows the rider coming: vehicle, how far, how soon, and a call button', async () => {
    open({
      getOrder: () => order({ status: 'RIDER_ASSIGNED', rider: RIDER }),
      sellerOrderRider: () =>
        riderAnswer({ distance_m: 1040, eta_seconds: 208, arrived: false, recorded_at: '2026-12-01T10:00:00.000Z' }),
    });
    await screen.findByText('Bilal Mir');
    expect(screen.getByText('Scooter')).toBeTruthy();
    expect(screen.getByText('1.0 km away, at the shop in about 3 min')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Call the rider' })).toBeTruthy();
    expect(screen.queryByText('Arrived')).toBeNull();
  });

  it('says when the rider has arrived', async () => {
    open({
      getOrder: () => order({ status: 'RIDER_ASSIGNED', rider: RIDER }),
      sellerOrderRider: () =>
        riderAnswer({ distance_m: 30, eta_seconds: 0, arrived: true, recorded_at: '2026-12-01T10:00:00.000Z' }),
    });
    await screen.findByText('Arrived');
    expect(screen.queryByText(/away/)).toBeNull();
    // The shop has nothing more to do: the rider picks it up.
    expect(screen.queryByText('Next step')).toBeNull();
  });

  it('prints the receipt for the chosen roll', async () => {
    open({ getOrder: () => order() });
    await screen.findByText('0 of 2 picked');
    fireEvent.press(screen.getByRole('button', { name: 'Print a receipt for 58 mm paper' }));
    await waitFor(() => expect(Print.printAsync).toHaveBeenCalledTimes(1));
    expect(jest.mocked(Print.printAsync).mock.calls[0]?.[0].html).toContain('@page { size: 58mm auto; margin: 0; }');
    fireEvent.press(screen.getByRole('button', { name: '80 mm' }));
    fireEvent.press(screen.getByRole('button', { name: 'Print a receipt for 80 mm paper' }));
    await waitFor(() => expect(Print.printAsync).toHaveBeenCalledTimes(2));
    expect(jest.mocked(Print.printAsync).mock.calls[1]?.[0].html).toContain('@page { size: 80mm auto; margin: 0; }');
  });
});
