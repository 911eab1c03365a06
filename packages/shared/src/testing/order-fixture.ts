import type { Order } from '../contract/orders';
import { initialStatus } from '../domain/order-machine';

/** An order in full as the server sends it (one line of rice, cash, 800 m away): tests change what they need. */
export const orderFixture = (over: Partial<Order> = {}): Order => ({
  id: '01900000-0000-7000-8000-000000000001',
  status: initialStatus,
  version: 1,
  store: {
    id: '01900000-0000-7000-8000-000000000002',
    name: 'Gulzar Kiryana',
    phone: null,
    address: 'Old Bus Stand',
    location: { lat: 34.5, lng: 74.2 },
  },
  item_count: 1,
  total_paise: 12_000,
  placed_at: '2026-11-29T10:00:00.000Z',
  updated_at: '2026-11-29T10:00:00.000Z',
  seen: false,
  answer_by: '2026-11-29T10:05:00.000Z',
  prep_minutes: null,
  ready_by: null,
  arrives_by: null,
  customer: { id: '01900000-0000-7000-8000-000000000003', name: 'Rafiq', phone: null },
  rider: null,
  items: [],
  subtotal_paise: 12_000,
  delivery_fee_paise: 0,
  payment_method: 'cash',
  payment: { method: 'cash', state: 'due', pay_by: null },
  delivery_address: { label: 'Home', text: 'Green gate', location: { lat: 34.5, lng: 74.2 }, landmark: null },
  distance_m: 800,
  note: null,
  timeline: [],
  ...over,
});
