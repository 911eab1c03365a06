import { type ChannelMessage, channels, type OrderEvent } from '@kupwara/shared';
import { describe, expect, it } from 'vitest';
import { broadcast, hearBroadcasts } from './broadcast';
import { createMemoryBus } from './bus';

const ORDER = '01900000-0000-7000-8000-000000000001';
const event: OrderEvent = {
  order_id: ORDER,
  seq: 2,
  kind: 'transition',
  status: 'ACCEPTED',
  from_status: 'PENDING',
  actor: 'seller',
  reason: null,
  reason_code: null,
  occurred_at: '2026-12-01T10:00:00.000Z',
  recorded_at: '2026-12-01T10:00:00.120Z',
};

async function hear(channel = channels.order(ORDER)) {
  const bus = createMemoryBus();
  const heard: ChannelMessage[] = [];
  await hearBroadcasts(bus, channel, (message) => heard.push(message));
  return { bus, heard, channel };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('broadcasts', () => {
  it('are heard on their channel as the contract’s messages', async () => {
    const { bus, heard, channel } = await hear();
    await broadcast(bus, channel, { type: 'event', event });
    await broadcast(bus, channels.order('01900000-0000-7000-8000-000000000002'), { type: 'event', event });
    await settle();
    expect(heard).toEqual([{ type: 'event', event }]);
  });

  it('drop what is not a message of the contract, and go on hearing', async () => {
    const { bus, heard, channel } = await hear();
    await bus.publish(channel, event);
    await bus.publish(channel, { type: 'event', event: { ...event, seq: 'two' } });
    await bus.publish(channel, { type: 'shout', text: 'hello' });
    await bus.publish(channel, null);
    await broadcast(bus, channel, { type: 'event', event: { ...event, seq: 3 } });
    await settle();
    expect(heard).toEqual([{ type: 'event', event: { ...event, seq: 3 } }]);
  });
});
