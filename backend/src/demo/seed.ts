import type { Role } from '@kupwara/shared';
import { createAddress } from '../accounts/addresses';
import { findUserIdByPhone, register } from '../accounts/users';
import type { Db } from '../platform/db';
import { createSellerStore } from '../stores/seller-store';

export const DEMO_PASSWORD = 'kupwara-demo';

// Kupwara town centre: 34.5297 N, 74.2543 E.
const demoUsers = [
  { role: 'customer', name: 'Shazia Bhat', phone: '+919906000001' },
  { role: 'seller', name: 'Ghulam Nabi Mir', phone: '+919906000002' },
  { role: 'rider', name: 'Irfan Sheikh', phone: '+919906000003' },
  { role: 'admin', name: 'KupwaraCart Operator', phone: '+919906000000' },
] as const satisfies { role: Role; name: string; phone: string }[];

export type DemoLogin = { role: Role; phone: string };

/**
 * The demo town's people, made once on a new database (never in production). Returns the logins,
 * which the server prints at every boot.
 */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  for (const person of demoUsers) {
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
      });
    }
    if (person.role === 'seller') {
      await createSellerStore(db, user.id, {
        name: 'Mir General Store',
        address: 'Main Bazaar, Kupwara 193222',
        location: { lat: 34.5297, lng: 74.2543 },
        delivery_radius_km: 4,
      });
    }
  }
  return demoUsers.map(({ role, phone }) => ({ role, phone }));
}
