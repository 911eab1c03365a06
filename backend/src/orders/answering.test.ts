import { channels, type Order, type OrderSummary, type ServerFrame } from '@kupwara/shared';
import { describe, expect, it } from 'vitest';
import { bearer } from '../../test/factories';
import { advanceOrder, getOrder, line, makeMarket, placeOrder, transition } from '../../test/orders';
import { liveTestApp, subscribe } from '../../test/sockets';

const live = liveTestApp();
type Session = { access_token: string };

const seen = (who: Session, id: string) =>
  live.app.inject({ method: 'POST', url: `/api/v1/seller/orders/${id}/seen`, headers: bearer(who) });

async function sellerList(who: Session) {
  const res = await live.app.inject({ url: '/api/v1/orders', headers: bearer(who) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: OrderSummary[] }).items;
}

const errorOf = (res: {
  statusCode: number;
  json(): { error: { code: string; details?: { fields?: { field: string }[] } } };
}) => [res.statusCode, res.json().error.code, res.json().error.details?.fields?.[0]?.field];

describe('a shop answering a new order', () => {
  it('says when an unanswered order will be cancelled, until it is answered', async () => {
    const market = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const timeout = live.config.orderAcceptTimeoutMs;
    expect(Date.parse(order.answer_by ?? '') - Date.parse(order.placed_at)).toBe(timeout);
    const [listed] = await sellerList(market.seller);
    expect([listed?.id, listed?.answer_by, listed?.seen, listed?.customer.name]).toEqual([
      order.id,
      order.answer_by,
      false,
      'Shabnam Bhat',
    ]);
    await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes: 20 });
    expect((await getOrder(live.app, market.customer, order.id)).answer_by).toBeNull();
  });

  it('accepts with a preparation time of 10 to 90 minutes, and the customer sees when it is ready and arrives', async () => {
    const market = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    expect(order.prep_minutes).toBeNull();
    expect([order.ready_by, order.arrives_by]).toEqual([null, null]);
    const missing = await transition(live.app, market.seller, order.id, { to: 'ACCEPTED' });
    expect(errorOf(missing)).toEqual([400, 'VALIDATION_FAILED', 'body.prep_minutes']);
    for (const prep_minutes of [9, 91, 20.5, '20']) {
      const bad = await transition(live.app, market.seller, order.id, { to: 'ACCEPTED', prep_minutes });
      expect(errorOf(bad)).toEqual([400, 'VALIDATION_FAILED', 'body.prep_minutes']);
    }
    const acceptedAt = '2030-01-01T00:00:00.000Z';
    const res = await transition(live.app, market.seller, order.id, {
      to: 'ACCEPTED',
      prep_minutes: 25,
      // A tap from the future is kept at now: the estimate counts from when the server says it was.
      occurred_at: acceptedAt,
    });
    expect(res.statusCode, res.body).toBe(200);
    const accepted = res.json() as Order;
    const at = Date.parse(accepted.timeline.at(-1)?.occurred_at ?? '');
    const minutes = (iso: string | null) => (Date.parse(iso ?? '') - at) / 60_000;
    // 1,200 m straight is 1,560 m of road: 5.2 minutes' ride; 25 + 5.2 rounds up to 35.
    expect([accepted.prep_minutes, minutes(accepted.ready_by), minutes(accepted.arrives_by)]).toEqual([25, 25, 35]);
    const customers = await getOrder(live.app, market.customer, order.id);
    expect([customers.status, customers.prep_minutes, customers.ready_by, customers.arrives_by]).toEqual([
      'ACCEPTED',
      25,
      accepted.ready_by,
      accepted.arrives_by,
    ]);
    const [listed] = await sellerList(market.seller);
    expect([listed?.seen, listed?.ready_by]).toEqual([true, accepted.ready_by]);
  });

  it('rejects with a reason from the list, which the customer reads in plain words', async () => {
    const market = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const noCode = await transition(live.app, market.seller, order.id, { to: 'REJECTED', reason: 'busy' });
    expect(errorOf(noCode)).toEqual([400, 'VALIDATION_FAILED', 'body.reject_reason']);
    const unknown = await transition(live.app, market.seller, order.id, { to: 'REJECTED', reject_reason: 'bored' });
    expect(errorOf(unknown)).toEqual([400, 'VALIDATION_FAILED', 'body.reject_reason']);
    const otherWithout = await transition(live.app, market.seller, order.id, {
      to: 'REJECTED',
      reject_reason: 'other',
    });
    expect(errorOf(otherWithout)).toEqual([400, 'VALIDATION_FAILED', 'body.reason']);

    const res = await transition(live.app, market.seller, order.id, { to: 'REJECTED', reject_reason: 'out_of_stock' });
    expect(res.statusCode, res.body).toBe(200);
    const customers = await getOrder(live.app, market.customer, order.id);
    expect(customers.timeline.at(-1)).toMatchObject({
      status: 'REJECTED',
      reason_code: 'out_of_stock',
      reason: 'Some items are out of stock',
    });
    const told = async () => {
      const notes = await live.app.inject({ url: '/api/v1/me/notifications', headers: bearer(market.customer) });
      return (notes.json() as { items: { body: string }[] }).items.map((note) => note.body);
    };
    await expect.poll(told).toContain(`${order.store.name} could not take your order: Some items are out of stock`);

    const second = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const other = await transition(live.app, market.seller, second.id, {
      to: 'REJECTED',
      reject_reason: 'other',
      reason: 'Power cut in the bazaar',
    });
    expect((other.json() as Order).timeline.at(-1)).toMatchObject({
      reason_code: 'other',
      reason: 'Power cut in the bazaar',
    });
  });
});

describe('a new order seen by the shop', () => {
  it('is marked by the shop’s seller only, once, and answering marks it too', async () => {
    const market = await makeMarket(live.app, live.db);
    const other = await makeMarket(live.app, live.db);
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    expect(order.seen).toBe(false);

    expect(errorOf(await seen(other.seller, order.id))).toEqual([404, 'NOT_FOUND', undefined]);
    expect((await seen(market.customer, order.id)).statusCode).toBe(403);
    expect((await live.app.inject({ method: 'POST', url: `/api/v1/seller/orders/${order.id}/seen` })).statusCode).toBe(
      401,
    );
    expect(errorOf(await seen(market.seller, 'not-an-id'))).toEqual([400, 'VALIDATION_FAILED', 'params.id']);
    expect((await getOrder(live.app, market.seller, order.id)).seen).toBe(false);

    const first = await seen(market.seller, order.id);
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as OrderSummary).seen).toBe(true);
    const again = await seen(market.seller, order.id);
    expect([again.statusCode, (again.json() as OrderSummary).seen]).toEqual([200, true]);
    expect((await sellerList(market.seller)).find((each) => each.id === order.id)?.seen).toBe(true);

    const answered = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    await transition(live.app, market.seller, answered.id, { to: 'REJECTED', reject_reason: 'too_busy' });
    expect((await getOrder(live.app, market.seller, answered.id)).seen).toBe(true);
    // A customer's cancel is no answer from the shop.
    const cancelled = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    await transition(live.app, market.customer, cancelled.id, { to: 'CANCELLED' });
    expect((await getOrder(live.app, market.seller, cancelled.id)).seen).toBe(false);
  });

  it('tells every device of the shop once, and a device that joins late reads it in the list', async () => {
    const market = await makeMarket(live.app, live.db);
    const other = await makeMarket(live.app, live.db);
    const counter = await live.connect(market.seller);
    const phone = await live.connect(market.seller);
    const outsider = await live.connect(other.seller);
    const store = channels.store(market.store.id);
    await subscribe(counter, store);
    await subscribe(phone, store);
    await subscribe(outsider, channels.store(other.store.id));
    const order = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    const isSeen = (frame: ServerFrame) => frame.type === 'seen' && frame.order_id === order.id;

    expect((await seen(market.seller, order.id)).statusCode).toBe(200);
    const heard = await phone.next(isSeen);
    expect(heard).toEqual({ type: 'seen', channel: store, order_id: order.id, seen_at: expect.any(String) });
    expect(await counter.next(isSeen)).toEqual(heard);
    expect((await seen(market.seller, order.id)).statusCode).toBe(200);
    // The next event on the channel comes after anything the repeat might have sent: nothing was.
    await advanceOrder(live.app, market, order.id, 'ACCEPTED');
    await phone.next((frame) => frame.type === 'event' && frame.event.order_id === order.id && frame.seq === 2);
    expect(phone.frames.filter(isSeen)).toHaveLength(1);
    expect(outsider.frames.filter((frame) => frame.type === 'seen')).toEqual([]);

    const late = await placeOrder(live.app, market.customer, market.store.id, [line(market.rice)]);
    await seen(market.seller, late.id);
    const list = await sellerList(market.seller);
    expect(list.filter((each) => [order.id, late.id].includes(each.id)).map((each) => each.seen)).toEqual([true, true]);
  });
});
