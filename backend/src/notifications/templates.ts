/**
 * What each person reads about each event: one template per role and event, in a message catalog
 * per language (English now; the languages issue adds Urdu and Hindi beside it). A template names
 * its values in braces, `{store}`, and counts with `{n, plural, one {# item} other {# items}}`,
 * the plural chosen by the language's own rules (Intl.PluralRules).
 */

/** How a push of each template is shown on a phone: its Android channel, sound and urgency. */
export type PushChannel = 'orders' | 'offers' | 'updates';

const english = {
  'customer.accepted': {
    title: 'Order accepted',
    body: '{store} accepted your order: ready in about {minutes, plural, one {# minute} other {# minutes}}',
  },
  'customer.accepted_untimed': { title: 'Order accepted', body: '{store} accepted your order' },
  'customer.rejected': { title: 'Order not accepted', body: '{store} could not take your order: {reason}' },
  'customer.preparing': { title: 'Being prepared', body: '{store} is packing your order' },
  'customer.ready': { title: 'Packed', body: 'Your order from {store} is ready and waiting for a rider' },
  'customer.rider_assigned': { title: 'Rider on the way to the shop', body: '{rider} will bring your order' },
  // Taken while the shop still prepares it (early dispatch): the rider rides to the shop now.
  'customer.rider_assigned_early': {
    title: 'Rider on the way to the shop',
    body: '{rider} is on the way to {store} for your order',
  },
  'customer.picked_up': { title: 'Picked up', body: '{rider} has your order' },
  'customer.in_transit': { title: 'On the way', body: '{rider} is coming to you' },
  'customer.arriving': { title: 'Almost there', body: '{rider} is nearly at your door with your order' },
  'customer.delivered': { title: 'Delivered', body: 'Your order from {store} was delivered' },
  'customer.cancelled': { title: 'Order cancelled', body: '{store} did not answer in time: nothing will be charged' },
  'customer.failed': { title: 'Order failed', body: 'Your order from {store} could not be completed: {reason}' },
  'customer.refund_started': {
    title: 'Refund of {amount} started',
    body: '{amount} goes back to where you paid from in 5–7 days',
  },
  'customer.refunded': { title: 'Refunded', body: '{amount} is back where you paid from' },
  'customer.waiting': { title: 'Looking for a rider', body: 'Every rider near {store} is busy: we keep looking' },
  'seller.new_order': {
    title: 'New order',
    body: '{customer}: {items, plural, one {# item} other {# items}}, please accept or reject',
  },
  'seller.cancelled': { title: 'Order cancelled', body: '{customer} cancelled their order' },
  'seller.missed': { title: 'Order missed', body: "{customer}'s order was cancelled: it was not answered in time" },
  'seller.rider_assigned': { title: 'Rider on the way', body: "{rider} is coming to collect {customer}'s order" },
  'seller.rider_arriving': { title: 'Rider arriving', body: "{rider} is nearly at the shop for {customer}'s order" },
  'seller.otp_locked': {
    title: 'Hand-over locked',
    body: "{rider} entered {attempts} wrong codes for {customer}'s order: please call them",
  },
  'seller.delivered': { title: 'Order delivered', body: "{customer}'s order was delivered" },
  'seller.failed': { title: 'Order failed', body: "{customer}'s order could not be completed: {reason}" },
  'seller.waiting': {
    title: 'Looking for a rider',
    body: "Every rider nearby is busy for {customer}'s order: we keep looking",
  },
  'rider.new_offer': { title: 'New delivery offer', body: '{store}, {distance} away: take it within {seconds} s' },
  'rider.offer_expired': { title: 'Offer missed', body: 'The delivery from {store} went to another rider' },
  'rider.assigned': { title: 'New delivery', body: 'Pick up an order at {store}, {address}' },
  // The machine cancels only orders nobody has answered: one a rider has ends as failed, to them called off.
  'rider.failed': { title: 'Delivery cancelled', body: 'The order from {store} was called off: {reason}' },
  // Not about an order: the rider app opens their cash.
  'rider.cash_settled': { title: '{amount} handed over', body: 'You now hold {in_hand}' },
} as const;

export type TemplateKey = keyof typeof english;
export const templateKeys = Object.keys(english) as TemplateKey[];
type Catalog = Record<TemplateKey, { title: string; body: string }>;

const catalogs: Record<string, Catalog> = { en: english };

/** Loud and urgent for what someone must act on now; the default sound for the rest. */
const channels: Partial<Record<TemplateKey, PushChannel>> = {
  'seller.new_order': 'orders',
  'rider.new_offer': 'offers',
};

export const channelOf = (key: string): PushChannel => channels[key as TemplateKey] ?? 'updates';

export type TemplateValues = Record<string, string | number>;

const PLURAL = /\{(\w+), plural, ((?:\w+ \{[^}]*\}\s*)+)\}/g;
const VALUE = /\{(\w+)\}/g;

/** A template's text with its values put in, counted the language's way. */
export function fill(text: string, values: TemplateValues, locale = 'en'): string {
  const rules = new Intl.PluralRules(locale);
  const withCounts = text.replace(PLURAL, (_, name: string, forms: string) => {
    const n = Number(values[name]);
    const choices = new Map([...forms.matchAll(/(\w+) \{([^}]*)\}/g)].map((m) => [m[1], m[2] ?? '']));
    const form = choices.get(rules.select(n)) ?? choices.get('other') ?? '';
    return form.replace('#', n.toLocaleString(locale));
  });
  return withCounts.replace(VALUE, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template value ${name} is missing`);
    return String(value);
  });
}

/** The title and body a person reads, in their language when it has a catalog, else English. */
export function render(key: TemplateKey, values: TemplateValues, locale = 'en') {
  const language = locale.split('-')[0] ?? 'en';
  const catalog = catalogs[language] ?? english;
  const template = catalog[key];
  return { title: fill(template.title, values, language), body: fill(template.body, values, language) };
}
