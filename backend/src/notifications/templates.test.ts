import { describe, expect, it } from 'vitest';
import { channelOf, fill, render, templateKeys } from './templates';

const every: Record<string, string | number> = {
  store: 'Lone Kiryana',
  address: 'Main Chowk',
  customer: 'Shabnam',
  rider: 'Bilal',
  items: 3,
  minutes: 15,
  reason: 'out of stock',
  attempts: 5,
  distance: '1.2 km',
  seconds: 30,
  amount: '₹452.50',
  in_hand: '₹310.50',
};

describe('the message catalog', () => {
  it('counts in the language’s plural forms', () => {
    const text = '{n, plural, one {# item} other {# items}} from {store}';
    expect(fill(text, { n: 1, store: 'Lone' })).toBe('1 item from Lone');
    expect(fill(text, { n: 0, store: 'Lone' })).toBe('0 items from Lone');
    expect(fill(text, { n: 12_500, store: 'Lone' }, 'en-IN')).toBe('12,500 items from Lone');
  });

  it('refuses a template whose value is missing rather than sending braces to a phone', () => {
    expect(() => fill('{store} accepted', {})).toThrow('template value store is missing');
  });

  it('renders every template with plain words and no braces left', () => {
    expect(render('customer.accepted', every)).toEqual({
      title: 'Order accepted',
      body: 'Lone Kiryana accepted your order: ready in about 15 minutes',
    });
    expect(render('customer.refund_started', every)).toEqual({
      title: 'Refund of ₹452.50 started',
      body: '₹452.50 goes back to where you paid from in 5–7 days',
    });
    expect(render('rider.new_offer', every).body).toBe('Lone Kiryana, 1.2 km away: take it within 30 s');
    expect(render('rider.cash_settled', every)).toEqual({ title: '₹452.50 handed over', body: 'You now hold ₹310.50' });
    for (const key of templateKeys) {
      const { title, body } = render(key, every);
      expect(`${title} ${body}`, key).not.toMatch(/[{}]|undefined/);
    }
  });

  it('falls back to English for a language with no catalog yet', () => {
    expect(render('customer.delivered', every, 'ur-PK')).toEqual(render('customer.delivered', every));
  });

  it('rings loud only for a new order and an offer', () => {
    expect(channelOf('seller.new_order')).toBe('orders');
    expect(channelOf('rider.new_offer')).toBe('offers');
    expect(channelOf('customer.delivered')).toBe('updates');
  });
});
