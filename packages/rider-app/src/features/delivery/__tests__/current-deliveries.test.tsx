import type { Order, OrderSummary } from '@kupwara/shared';
import { orderFixture } from '@kupwara/shared/testing';
import { fireEvent, renderRouter, screen } from 'expo-router/testing-library';
import { appRoutes, servicesForTest, signIn } from '../../../__tests__/harness';

jest.setTimeout(30_000);

const summary = ({
  id,
  status,
  version,
  store,
  customer,
  item_count,
  total_paise,
  payment_method,
  placed_at,
  updated_at,
}: Order) =>
  ({
    id,
    status,
    version,
    store: { id: store.id, name: store.name },
    customer: { id: customer.id, name: customer.name },
    item_count,
    total_paise,
    payment_method,
    placed_at,
    updated_at,
    seen: true,
    answer_by: null,
    prep_minutes: 10,
    ready_by: null,
    arrives_by: null,
  }) satisfies OrderSummary;

const toShop = orderFixture({ id: '01900000-0000-7000-8000-00000000de01', status: 'RIDER_ASSIGNED', item_count: 3 });
const onTheWay = orderFixture({
  id: '01900000-0000-7000-8000-00000000de02',
  status: 'IN_TRANSIT',
  store: { ...toShop.store, name: 'Mir Medicos' },
  customer: { id: '01900000-0000-7000-8000-000000000004', name: 'Shazia Bhat', phone: null },
});

describe('the deliveries on the Work tab', () => {
  it('shows each delivery the rider carries at its step, and opens it in one tap', async () => {
    const services = servicesForTest({
      riderAssignments: () => ({ offers: [], deliveries: [summary(toShop), summary(onTheWay)] }),
      getOrder: (input) =>
        [toShop, onTheWay].find((order) => order.id === (input as { params: { id: string } }).params.id),
    });
    signIn(services);
    const app = renderRouter(appRoutes, { initialUrl: '/' });
    const first = await screen.findByRole('button', { name: 'Gulzar Kiryana: Go to the shop. Open this delivery' });
    expect(screen.getByText('Gulzar Kiryana → Rafiq')).toBeTruthy();
    expect(screen.getByText('3 items')).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Mir Medicos: Take it to the customer. Open this delivery' }),
    ).toBeTruthy();

    fireEvent.press(first);
    expect(await screen.findByRole('heading', { name: 'Go to the shop' })).toBeTruthy();
    expect(app.getPathname()).toBe(`/delivery/${toShop.id}`);
  });

  it('shows nothing when the rider carries nothing', async () => {
    const services = servicesForTest({ riderAssignments: () => ({ offers: [], deliveries: [] }) });
    signIn(services);
    renderRouter(appRoutes, { initialUrl: '/' });
    await screen.findByRole('heading', { name: 'Work' });
    expect(screen.queryByRole('heading', { name: 'Your deliveries' })).toBeNull();
  });
});
