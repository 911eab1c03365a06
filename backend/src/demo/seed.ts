import type { OpeningHours, Role } from '@kupwara/shared';
import { weekdays } from '@kupwara/shared';
import { createAddress } from '../accounts/addresses';
import { findUserIdByPhone, register } from '../accounts/users';
import { createProduct } from '../catalog/inventory';
import { categories } from '../catalog/tables';
import type { Db } from '../platform/db';
import { createSellerStore, findSellerStore, updateSellerStore } from '../stores/seller-store';
import { shelves, shops } from './town';

export const DEMO_PASSWORD = 'kupwara-demo';

// Kupwara's main bazaar: 34.5297 N, 74.2543 E.
const BAZAAR = { lat: 34.5297, lng: 74.2543 };
const metresPerDegreeLat = 110_950;
const metresPerDegreeLng = 91_600; // at 34.5° N

const people = [
  { role: 'customer', name: 'Shazia Bhat', phone: '+919906000001' },
  { role: 'seller', name: 'Ghulam Nabi Mir', phone: '+919906000002' },
  { role: 'rider', name: 'Irfan Sheikh', phone: '+919906000003' },
  { role: 'admin', name: 'KupwaraCart Operator', phone: '+919906000000' },
] as const satisfies { role: Role; name: string; phone: string }[];

export type DemoLogin = { role: Role; phone: string };

const daily = (open: string, close: string, friday = [{ open, close }]): OpeningHours => {
  const hours = Object.fromEntries(weekdays.map((day) => [day, [{ open, close }]])) as OpeningHours;
  return { ...hours, fri: friday };
};

// Bakers (kandurs) fire their ovens before dawn; most shops close for Friday prayers.
const hoursByKind: Record<string, OpeningHours> = {
  bakery: daily('05:30', '20:00'),
  pharmacy: daily('08:00', '23:00'),
  meat: daily('07:00', '19:00', [{ open: '07:00', close: '12:30' }]),
  default: daily('08:30', '21:00', [
    { open: '08:30', close: '12:30' },
    { open: '14:30', close: '21:00' },
  ]),
};

/**
 * The demo town (never in production): a customer with an address, a rider, an admin, and thirty
 * shops with their owners and stock. Made once on a new database; returns the logins the server
 * prints at every boot.
 */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  for (const person of people) {
    if (await findUserIdByPhone(db, person.phone)) continue;
    const user = await register(db, {
      ...person,
      password: DEMO_PASSWORD,
      ...(person.role === 'rider' ? { vehicle_type: 'motorcycle' as const } : {}),
    });
    if (person.role === 'customer') {
      await createAddress(db, user.id, {
        label: 'Home',
        text: 'Near Government Degree College, Kupwara 193222',
        location: { lat: 34.5331, lng: 74.2589 },
        landmark: 'Green gate opposite the college',
      });
    }
  }
  await seedShops(db);
  return people.map(({ role, phone }) => ({ role, phone }));
}

async function seedShops(db: Db) {
  const categoryIds = new Map((await db.select().from(categories)).map((c) => [c.slug, c.id]));
  for (const [index, [name, kind, north, east]] of shops.entries()) {
    const phone = index === 0 ? '+919906000002' : `+9199060001${String(index).padStart(2, '0')}`;
    const sellerId =
      (await findUserIdByPhone(db, phone)) ??
      (await register(db, { role: 'seller', name: `${name.split(' ')[0]} (owner)`, phone, password: DEMO_PASSWORD }))
        .id;
    if (await findSellerStore(db, sellerId)) continue;
    const store = await createSellerStore(db, sellerId, {
      name,
      address: `${name}, Kupwara 193222`,
      location: { lat: BAZAAR.lat + north / metresPerDegreeLat, lng: BAZAAR.lng + east / metresPerDegreeLng },
      // Every demo shop delivers to the bazaar, so the demo customer there sees them all.
      delivery_radius_km: Math.max(3 + (index % 3), Math.ceil(Math.hypot(north, east) / 1000 + 0.5)),
    });
    // The payment switches stay as they are (both on), so whether the platform has a gateway does not matter here.
    await updateSellerStore(
      db,
      sellerId,
      {
        version: store.version,
        categories: [kind],
        opening_hours: hoursByKind[kind] ?? hoursByKind.default,
        description: `${name}: ${kind} in Kupwara, delivered to your door.`,
        min_order_paise: kind === 'meat' ? 20_000 : 0,
      },
      { onlinePayments: false },
    );
    for (const [position, [product, shelf, rupees, unit, mrp]] of (shelves[kind] ?? []).entries()) {
      await createProduct(db, sellerId, {
        name: product,
        description: '',
        price_paise: rupees * 100,
        mrp_paise: (mrp ?? rupees) * 100,
        unit,
        // A few items out of stock in each shop, as on a real evening.
        stock: (index * 7 + position * 13) % 9 === 4 ? 0 : 5 + ((index * 11 + position * 17) % 40),
        is_available: true,
        is_visible: true,
        category_id: categoryIds.get(shelf) ?? null,
      });
    }
  }
}
