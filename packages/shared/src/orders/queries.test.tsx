import type { Order } from '@kupwara/shared';
import { renderHook, waitFor } from '@testing-library/react-native';
import type { ReactNode } from 'react';
import { AppProviders } from '../providers';
import { servicesForTest } from '../testing/app-root';
import { orderKeys, useOrder, useOrders } from './queries';

const ORDER = '01900000-0000-7000-8000-000000000001';

function withServices() {
  const services = servicesForTest();
  const asked: { name: string; input: unknown }[] = [];
  services.api.call = (async (name: string, input: unknown) => {
    asked.push({ name, input });
    return name === 'getOrder' ? { id: ORDER, status: 'PENDING' } : { items: [], next_cursor: null };
  }) as typeof services.api.call;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders services={services} buster="test">
      {children}
    </AppProviders>
  );
  return { services, asked, wrapper };
}

describe('the order queries', () => {
  it('read one order into the cache under its key, where the socket and queued actions update it', async () => {
    const { services, asked, wrapper } = withServices();
    const { result } = renderHook(() => useOrder(ORDER), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ id: ORDER, status: 'PENDING' }));
    expect(asked).toEqual([{ name: 'getOrder', input: { params: { id: ORDER }, signal: expect.any(AbortSignal) } }]);

    services.queryClient.setQueryData<Order>(orderKeys.detail(ORDER), (order) =>
      order ? { ...order, status: 'ACCEPTED' } : order,
    );
    await waitFor(() => expect(result.current.data?.status).toBe('ACCEPTED'));
  });

  it('read the newest orders under the list key, which every change of an order refreshes', async () => {
    const { services, asked, wrapper } = withServices();
    const { result } = renderHook(() => useOrders(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(asked.map(({ name, input }) => [name, (input as { query: unknown }).query])).toEqual([
      ['listOrders', { limit: 50 }],
    ]);

    await services.queryClient.invalidateQueries({ queryKey: orderKeys.list() });
    expect(asked.map(({ name }) => name)).toEqual(['listOrders', 'listOrders']);
  });
});
