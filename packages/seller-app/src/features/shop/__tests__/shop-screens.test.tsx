import type { StoreDetails } from '@kupwara/shared';
import { ApiError } from '@kupwara/shared/client';
import { fireEvent, renderRouter, screen, waitFor, within } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';

const nine = { open: '09:00', close: '21:00' };
const shop = (over: Partial<StoreDetails> = {}): StoreDetails => ({
  id: '01900000-0000-7000-8000-0000000000a1',
  name: 'Gulzar Kiryana',
  description: '',
  address: 'Main Bazaar, Kupwara',
  location: { lat: 34.5297, lng: 74.2543 },
  is_open_now: true,
  closes_at: null,
  opens_at: null,
  is_accepting_orders: true,
  paused_until: null,
  extra_prep_minutes: 0,
  extra_prep_until: null,
  rating: { average: 0, count: 0 },
  categories: ['grocery'],
  min_order_paise: 0,
  logo: null,
  phone: null,
  delivery_radius_km: 3,
  time_zone: 'Asia/Kolkata',
  opening_hours: { mon: [nine], tue: [nine], wed: [nine], thu: [nine], fri: [nine], sat: [nine], sun: [] },
  cover: null,
  accepts_cash: true,
  accepts_online: true,
  payment_methods: ['cash', 'online'],
  version: 2,
  updated_at: '2026-11-25T08:00:00.000Z',
  ...over,
});
const categories = {
  items: [
    { id: '01900000-0000-7000-8000-0000000000c1', slug: 'grocery', name: 'Grocery', children: [] },
    { id: '01900000-0000-7000-8000-0000000000c2', slug: 'bakery', name: 'Bakery', children: [] },
  ],
};
const clock = (iso: string) => {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};

describe('setting up a shop', () => {
  it('opens the shop with what the seller gave, then shows the Shop tab', async () => {
    const sent: { name: string; body: unknown }[] = [];
    let created = false;
    const services = servicesForTest({
      getMyStore: () => {
        if (created) return shop();
        throw new ApiError(404, 'NOT_FOUND', 'No store');
      },
      categories: () => categories,
      createMyStore: (input) => {
        sent.push({ name: 'createMyStore', body: (input as { body: unknown }).body });
        created = true;
        return shop({ version: 1, categories: [] });
      },
      updateMyStore: (input) => {
        sent.push({ name: 'updateMyStore', body: (input as { body: unknown }).body });
        return shop({ name: 'Lone Bakers', categories: ['bakery'] });
      },
    });
    signIn(services);
    const app = renderRouter(appRoutes, { initialUrl: '/' });
    await waitFor(() => expect(app.getPathname()).toBe('/setup'));

    fireEvent.press(await screen.findByRole('button', { name: 'Open my shop' }));
    expect(await screen.findByText('Give the shop a name')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.changeText(screen.getByLabelText('Shop name'), 'Lone Bakers');
    fireEvent.changeText(screen.getByLabelText('Address (street, landmark)'), 'Near Jamia Masjid');
    fireEvent.changeText(screen.getByLabelText('Shop phone (customers and riders call it)'), '94191 00001');
    fireEvent.changeText(screen.getByLabelText('Minimum order (₹, 0 for none)'), '150');
    fireEvent.press(await screen.findByRole('button', { name: 'Bakery' }));
    fireEvent.press(screen.getByRole('button', { name: 'Open my shop' }));

    await waitFor(() => expect(app.getPathname()).toBe('/shop'));
    expect(sent).toEqual([
      {
        name: 'createMyStore',
        body: {
          name: 'Lone Bakers',
          address: 'Near Jamia Masjid',
          location: { lat: 34.5297, lng: 74.2543 },
          delivery_radius_km: 3,
        },
      },
      {
        name: 'updateMyStore',
        body: {
          version: 1,
          name: 'Lone Bakers',
          address: 'Near Jamia Masjid',
          location: { lat: 34.5297, lng: 74.2543 },
          delivery_radius_km: 3,
          phone: '94191 00001',
          min_order_paise: 15_000,
          categories: ['bakery'],
        },
      },
    ]);
  });

  it('goes on from a shop opened by an earlier try that did not finish', async () => {
    const versions: unknown[] = [];
    let asked = 0;
    const services = servicesForTest({
      getMyStore: () => {
        asked += 1;
        if (asked === 1) throw new ApiError(404, 'NOT_FOUND', 'No store');
        return shop({ version: 5 });
      },
      categories: () => categories,
      createMyStore: () => {
        throw new ApiError(409, 'CONFLICT', 'You already have a store: change it instead');
      },
      updateMyStore: (input) => {
        versions.push((input as { body: { version: number } }).body.version);
        return shop({ version: 6 });
      },
    });
    signIn(services);
    const app = renderRouter(appRoutes, { initialUrl: '/' });
    await waitFor(() => expect(app.getPathname()).toBe('/setup'));
    fireEvent.changeText(await screen.findByLabelText('Shop name'), 'Gulzar Kiryana');
    fireEvent.changeText(screen.getByLabelText('Address (street, landmark)'), 'Main Bazaar');
    fireEvent.press(screen.getByRole('button', { name: 'Open my shop' }));
    await waitFor(() => expect(app.getPathname()).toBe('/shop'));
    expect(versions).toEqual([5]);
  });
});

describe('the Shop tab', () => {
  it('saves a week with Sunday open 24 hours and a Friday prayer break', async () => {
    const bodies: unknown[] = [];
    const services = servicesForTest({
      getMyStore: () => shop(),
      categories: () => categories,
      updateMyStore: (input) => {
        const body = (input as { body: { opening_hours: StoreDetails['opening_hours'] } }).body;
        bodies.push(body);
        return shop({ version: 3, opening_hours: body.opening_hours });
      },
    });
    signIn(services);
    renderRouter(appRoutes, { initialUrl: '/shop' });
    const sunday = within(await screen.findByTestId('hours-sun'));
    fireEvent.press(sunday.getByRole('button', { name: 'Open 24 hours' }));
    const friday = within(screen.getByTestId('hours-fri'));
    fireEvent.press(friday.getByRole('button', { name: 'Friday prayer break 13:00–14:30' }));
    expect(friday.getByLabelText('Closes 1').props.value).toBe('13:00');
    expect(friday.getByLabelText('Opens 2').props.value).toBe('14:30');
    fireEvent.press(screen.getByRole('button', { name: 'Save hours' }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      version: 2,
      opening_hours: {
        mon: [nine],
        tue: [nine],
        wed: [nine],
        thu: [nine],
        fri: [
          { open: '09:00', close: '13:00' },
          { open: '14:30', close: '21:00' },
        ],
        sat: [nine],
        sun: [{ open: '00:00', close: '24:00' }],
      },
    });
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('holds hours the server would refuse, saying what is wrong', async () => {
    const bodies: unknown[] = [];
    const services = servicesForTest({
      getMyStore: () => shop(),
      categories: () => categories,
      updateMyStore: (input) => bodies.push(input),
    });
    signIn(services);
    renderRouter(appRoutes, { initialUrl: '/shop' });
    const monday = within(await screen.findByTestId('hours-mon'));
    fireEvent.changeText(monday.getByLabelText('Opens 1'), '9');
    fireEvent.press(screen.getByRole('button', { name: 'Save hours' }));
    expect(await monday.findByText('Times like 09:30; closing may be 24:00')).toBeTruthy();
    expect(bodies).toEqual([]);
  });
});

describe('the switch and busy mode above the tabs', () => {
  it('pauses new orders from the busy sheet, says until when, and ends it', async () => {
    const requests: unknown[] = [];
    const until = new Date(Date.now() + 30 * 60_000).toISOString();
    const services = servicesForTest({
      getMyStore: () => shop(),
      setBusyMode: (input) => {
        const body = (input as { body: { mode: string } }).body;
        requests.push(body);
        return body.mode === 'off' ? shop({ version: 4 }) : shop({ version: 3, paused_until: until });
      },
    });
    signIn(services);
    renderRouter(appRoutes, { initialUrl: '/' });
    fireEvent.press(await screen.findByRole('button', { name: 'Busy mode' }));
    const sheet = within(screen.getByTestId('busy-sheet'));
    expect(sheet.getByText('Not busy: orders come in as usual.')).toBeTruthy();
    fireEvent.press(sheet.getByRole('button', { name: 'Pause new orders for 30 min' }));

    const paused = await screen.findByRole('button', { name: `Paused until ${clock(until)}` });
    expect(requests).toEqual([{ mode: 'pause', minutes: 30 }]);
    fireEvent.press(paused);
    fireEvent.press(within(screen.getByTestId('busy-sheet')).getByRole('button', { name: 'End now' }));
    expect(await screen.findByRole('button', { name: 'Busy mode' })).toBeTruthy();
    expect(requests).toEqual([{ mode: 'pause', minutes: 30 }, { mode: 'off' }]);
  });

  it('shows a pause that has ended as off, without asking the server', async () => {
    const services = servicesForTest({
      getMyStore: () => shop({ paused_until: new Date(Date.now() - 1000).toISOString() }),
    });
    signIn(services);
    renderRouter(appRoutes, { initialUrl: '/' });
    expect(await screen.findByRole('button', { name: 'Busy mode' })).toBeTruthy();
  });

  it('closes the shop with the switch, sending the version it saw', async () => {
    const bodies: unknown[] = [];
    const services = servicesForTest({
      getMyStore: () => shop(),
      updateMyStore: (input) => {
        bodies.push((input as { body: unknown }).body);
        return shop({ version: 3, is_accepting_orders: false, is_open_now: true });
      },
    });
    signIn(services);
    renderRouter(appRoutes, { initialUrl: '/' });
    fireEvent(await screen.findByLabelText('Taking orders'), 'valueChange', false);
    expect(await screen.findByText('Closed')).toBeTruthy();
    expect(bodies).toEqual([{ version: 2, is_accepting_orders: false }]);
  });
});
