import type { DeliveryOffer, ServerFrame } from '@kupwara/shared';
import { orderKeys } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { orderFixture, playServerSocket } from '@kupwara/shared/testing';
import { fireEvent, renderRouter, screen, waitFor, within } from 'expo-router/testing-library';
import { Vibration } from 'react-native';
import { appRoutes, servicesForTest } from '../../../__tests__/harness';

// The phone's mockSpeaker, as the ringer drives it.
const mockSpeaker = {
  loop: false,
  playing: false,
  play: jest.fn(),
  pause: jest.fn(),
  seekTo: jest.fn(async () => undefined),
};
mockSpeaker.play.mockImplementation(() => {
  mockSpeaker.playing = true;
});
mockSpeaker.pause.mockImplementation(() => {
  mockSpeaker.playing = false;
});
jest.mock('expo-audio', () => ({
  createAudioPlayer: jest.fn(() => mockSpeaker),
  setAudioModeAsync: jest.fn(async () => undefined),
}));

// The whole signed-in app renders for each test: on a loaded machine that alone can take seconds.
jest.setTimeout(30_000);

const RIDER = '01900000-0000-7000-8000-0000000000c1';
const OFFER = '01900000-0000-7000-8000-0000000000f1';
const ORDER = '01900000-0000-7000-8000-0000000000d1';

const offerFixture = (over: Partial<DeliveryOffer> = {}): DeliveryOffer => ({
  id: OFFER,
  order_id: ORDER,
  store: { name: 'Gulzar Kiryana', address: 'Old Bus Stand', location: { lat: 34.53, lng: 74.25 } },
  delivery_location: { lat: 34.54, lng: 74.25 },
  distance_m: 1234,
  trip_m: 2400,
  earning_paise: 4500,
  cash_paise: 45_000,
  item_count: 3,
  expires_at: new Date(Date.now() + 30_000).toISOString(),
  ...over,
});

/** The test plays the server on the app's socket. */
let server: ReturnType<typeof playServerSocket>;
const serverSends = (frame: ServerFrame) => server.sends(frame);

type Answers = Record<string, (input: unknown) => unknown>;
function start(answers: Answers = {}) {
  const calls: { name: string; input: unknown }[] = [];
  const all: Answers = {
    riderStatusNow: () => ({ status: 'online' }),
    riderAssignments: () => ({ offers: [], deliveries: [] }),
    ...answers,
  };
  const recorded = Object.fromEntries(
    Object.entries(all).map(([name, answer]) => [
      name,
      (input: unknown) => {
        calls.push({ name, input });
        return answer(input);
      },
    ]),
  );
  server = playServerSocket();
  const services = servicesForTest(recorded);
  services.session.store.setState({
    session: {
      access_token: 'a',
      user: { id: RIDER, name: 'Bilal Mir', phone: '+919419100009', role: 'rider' },
    } as never,
    loaded: true,
  });
  const app = renderRouter(appRoutes, { initialUrl: '/' });
  return { app, calls, services };
}

const connectSocket = () => server.connect(RIDER, `rider.${RIDER}`);

const offerArrives = (offer = offerFixture()) => serverSends({ type: 'offer', channel: `rider.${RIDER}`, offer });

beforeEach(() => {
  mockSpeaker.playing = false;
  jest.spyOn(Vibration, 'vibrate');
  jest.spyOn(Vibration, 'cancel');
});
afterEach(() => jest.restoreAllMocks());

describe('an offer arriving live', () => {
  it('shows over the screen with every fact, counts down, rings and vibrates', async () => {
    start();
    expect(await screen.findByText('Waiting for orders near you…')).toBeTruthy();
    await connectSocket();
    expect(mockSpeaker.playing).toBe(false);

    await offerArrives();
    const card = await screen.findByTestId(`offer-${OFFER}`);
    for (const fact of [
      'Gulzar Kiryana',
      'Old Bus Stand',
      '₹45',
      '1.2 km to the shop',
      'then 2.4 km to the customer',
      'Collect ₹450 cash',
      '3 items',
    ]) {
      expect(within(card).getByText(fact)).toBeTruthy();
    }
    expect(within(card).getByText(/^(30|29) s left$/)).toBeTruthy();
    expect(
      within(card).getByRole('button', { name: 'Accept the delivery from Gulzar Kiryana, earn ₹45' }),
    ).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Decline the delivery from Gulzar Kiryana' })).toBeTruthy();
    expect(mockSpeaker.playing).toBe(true);
    expect(mockSpeaker.loop).toBe(true);
    expect(Vibration.vibrate).toHaveBeenCalledWith([0, 250, 150, 250, 600], true);
  });

  it('says a paid order has no cash to collect', async () => {
    start({ riderAssignments: () => ({ offers: [offerFixture({ cash_paise: 0, item_count: 1 })], deliveries: [] }) });
    const card = await screen.findByTestId(`offer-${OFFER}`);
    expect(within(card).getByText('Paid already')).toBeTruthy();
    expect(within(card).getByText('1 item')).toBeTruthy();
    expect(screen.queryByText('Waiting for orders near you…')).toBeNull();
  });

  it('is read again from the server after the socket comes back: an offer sent meanwhile shows', async () => {
    let offers: DeliveryOffer[] = [];
    start({ riderAssignments: () => ({ offers, deliveries: [] }) });
    await connectSocket();
    await screen.findByText('Waiting for orders near you…');
    offers = [offerFixture()];
    // The socket drops and comes back: the channel is subscribed again.
    server.drops();
    await connectSocket();
    expect(await screen.findByTestId(`offer-${OFFER}`)).toBeTruthy();
  });
});

describe('answering an offer', () => {
  it('accepts in one tap: the order is cached, the ringing stops and the delivery opens', async () => {
    const taken = orderFixture({ id: ORDER, status: 'RIDER_ASSIGNED', version: 5 });
    const { app, calls } = start({ acceptOffer: () => taken });
    await connectSocket();
    await offerArrives();
    fireEvent.press(await screen.findByRole('button', { name: /^Accept the delivery/ }));
    await waitFor(() => expect(app.getPathname()).toBe(`/delivery/${ORDER}`));
    expect(calls.filter((call) => call.name === 'acceptOffer').map((call) => call.input)).toEqual([
      { params: { id: OFFER } },
    ]);
    await waitFor(() => expect(screen.queryByTestId(`offer-${OFFER}`)).toBeNull());
    expect(mockSpeaker.playing).toBe(false);
    expect(Vibration.cancel).toHaveBeenCalled();
  });

  it('says someone else took it when the server refuses (409), and lets it go', async () => {
    start({
      acceptOffer: () => {
        throw new ApiError(409, 'CONFLICT', 'This offer is no longer open');
      },
    });
    await connectSocket();
    await offerArrives();
    fireEvent.press(await screen.findByRole('button', { name: /^Accept the delivery/ }));
    expect(await screen.findByText('Someone else took it')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId(`offer-${OFFER}`)).toBeNull());
    expect(mockSpeaker.playing).toBe(false);
  });

  it('keeps the offer and says so when there is no network', async () => {
    // No answer for acceptOffer: the call fails as it does offline.
    start();
    await connectSocket();
    await offerArrives();
    fireEvent.press(await screen.findByRole('button', { name: /^Accept the delivery/ }));
    expect(await screen.findByText('No connection: the offer is live, accept it once you have signal')).toBeTruthy();
    expect(screen.getByTestId(`offer-${OFFER}`)).toBeTruthy();
    expect(mockSpeaker.playing).toBe(true);
  });

  it('declines in one tap: the offer goes and the Work tab waits again', async () => {
    const { calls } = start({ declineOffer: () => undefined });
    await connectSocket();
    await offerArrives();
    fireEvent.press(await screen.findByRole('button', { name: /^Decline the delivery/ }));
    expect(await screen.findByText('Offer declined')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId(`offer-${OFFER}`)).toBeNull());
    expect(calls.filter((call) => call.name === 'declineOffer').map((call) => call.input)).toEqual([
      { params: { id: OFFER } },
    ]);
    expect(screen.getByText('Waiting for orders near you…')).toBeTruthy();
    expect(mockSpeaker.playing).toBe(false);
  });
});

describe('an offer running out', () => {
  it('leaves with "Offer expired" and the ringing stops', async () => {
    start();
    await connectSocket();
    await offerArrives(offerFixture({ expires_at: new Date(Date.now() + 1500).toISOString() }));
    expect(await screen.findByTestId(`offer-${OFFER}`)).toBeTruthy();
    expect(mockSpeaker.playing).toBe(true);
    expect(await screen.findByText('Offer expired', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId(`offer-${OFFER}`)).toBeNull());
    expect(mockSpeaker.playing).toBe(false);
  });
});

describe('events of the orders the rider carries', () => {
  it('read the assignments and the order again', async () => {
    const { calls, services } = start();
    services.queryClient.setQueryData(orderKeys.detail(ORDER), orderFixture({ id: ORDER, status: 'RIDER_ASSIGNED' }));
    await connectSocket();
    await screen.findByText('Waiting for orders near you…');
    const before = calls.filter((call) => call.name === 'riderAssignments').length;
    expect(services.queryClient.getQueryState(orderKeys.detail(ORDER))?.isInvalidated).toBe(false);
    await serverSends({
      type: 'event',
      channel: `rider.${RIDER}`,
      seq: 4,
      event: {
        order_id: ORDER,
        seq: 4,
        kind: 'transition',
        status: 'PICKED_UP',
        from_status: 'RIDER_ASSIGNED',
        actor: 'rider',
        reason: null,
        reason_code: null,
        occurred_at: new Date().toISOString(),
        recorded_at: new Date().toISOString(),
      },
    });
    await waitFor(() => expect(calls.filter((call) => call.name === 'riderAssignments').length).toBe(before + 1));
    expect(services.queryClient.getQueryState(orderKeys.detail(ORDER))?.isInvalidated).toBe(true);
  });
});
