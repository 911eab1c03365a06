import type { LoginRequest, Me, RegisterRequest, UpdateMeRequest } from '@kupwara/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { violatedUniqueConstraint } from '../platform/db-errors';
import { AppError, invalidField, notFound } from '../platform/http/errors';
import { newId } from '../platform/ids';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords';
import type { RevokedLogins } from './revoked-logins';
import { endOtherSessions } from './sessions';
import { riderProfiles, users } from './tables';

const meColumns = {
  id: users.id,
  role: users.role,
  name: users.name,
  phone: users.phone,
  email: users.email,
  createdAt: users.createdAt,
  vehicleType: riderProfiles.vehicleType,
  isAvailable: riderProfiles.isAvailable,
};

type MeRow = { [K in keyof typeof meColumns]: (typeof meColumns)[K]['_']['data'] | null };

function toMe(row: MeRow): Me {
  if (!row.id || !row.role || !row.name || !row.phone || !row.createdAt) throw new Error('user row is incomplete');
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    phone: row.phone,
    email: row.email,
    created_at: row.createdAt.toISOString(),
    rider: row.vehicleType ? { vehicle_type: row.vehicleType, is_available: row.isAvailable ?? false } : null,
  };
}

/** Turns a unique violation on phone or email into the 409 the person can act on. */
function duplicateAccount(error: unknown): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'users_phone_key') {
    throw new AppError(409, 'CONFLICT', 'An account with this phone number already exists', { field: 'phone' });
  }
  if (constraint === 'users_email_key') {
    throw new AppError(409, 'CONFLICT', 'An account with this email already exists', { field: 'email' });
  }
  throw error;
}

export async function findUserIdByPhone(db: Db, phone: string): Promise<string | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
  return row?.id;
}

/** What a rider rides (null for anyone without a rider profile). */
export async function vehicleTypeOf(db: Db, userId: string) {
  const [row] = await db
    .select({ vehicleType: riderProfiles.vehicleType })
    .from(riderProfiles)
    .where(eq(riderProfiles.userId, userId));
  return row?.vehicleType ?? null;
}

/** The name and phone other parties of an order see, with the role to check who the person is. */
export async function contactOf(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, name: users.name, phone: users.phone })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

async function getMe(db: Db, userId: string): Promise<Me | undefined> {
  const [row] = await db
    .select(meColumns)
    .from(users)
    .leftJoin(riderProfiles, eq(riderProfiles.userId, users.id))
    .where(eq(users.id, userId));
  return row ? toMe(row) : undefined;
}

const accountGone = () => new AppError(401, 'UNAUTHENTICATED', 'Your account no longer exists');

/** The caller's own profile; a token that outlived its account gets 401. */
export async function profileOf(db: Db, userId: string): Promise<Me> {
  const me = await getMe(db, userId);
  if (!me) throw accountGone();
  return me;
}

/** Sign-up, or (role admin) the operator's own account made from the command line or the demo seed. */
export async function register(
  db: Db,
  input: Omit<RegisterRequest, 'role'> & { role: RegisterRequest['role'] | 'admin' },
): Promise<Me> {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values({
        id,
        role: input.role,
        name: input.name,
        phone: input.phone,
        email: input.email ?? null,
        passwordHash,
      });
      if (input.vehicle_type) await tx.insert(riderProfiles).values({ userId: id, vehicleType: input.vehicle_type });
    });
  } catch (error) {
    duplicateAccount(error);
  }
  const me = await getMe(db, id);
  if (!me) throw new Error('registered user vanished');
  return me;
}

/** The user whose phone or email and password these are; a 401 that does not say which part was wrong otherwise. */
export async function authenticate(db: Db, input: LoginRequest): Promise<Me> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(input.phone ? eq(users.phone, input.phone) : eq(users.email, input.email ?? ''));
  const valid = row ? await verifyPassword(row.passwordHash, input.password) : await verifyAgainstDecoy(input.password);
  const me = row && valid ? await getMe(db, row.id) : undefined;
  if (!me) throw new AppError(401, 'UNAUTHENTICATED', 'Wrong phone number, email or password');
  return me;
}

/** The caller's own changes; a new password ends every other session of theirs, their access tokens too. */
export async function updateMe(
  { db, revoked }: { db: Db; revoked: RevokedLogins },
  caller: { id: string; sessionId: string },
  input: UpdateMeRequest,
) {
  const [current] = await db
    .select({ role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, caller.id));
  if (!current) throw accountGone();
  if (input.vehicle_type && current.role !== 'rider') throw invalidField('body.vehicle_type', 'is only for riders');
  let passwordHash: string | undefined;
  if (input.current_password !== undefined && input.new_password !== undefined) {
    if (!(await verifyPassword(current.passwordHash, input.current_password))) {
      throw invalidField('body.current_password', 'is not your current password');
    }
    passwordHash = await hashPassword(input.new_password);
  }

  let ended: string[] = [];
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          name: input.name,
          email: input.email,
          passwordHash,
          version: sql`${users.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(users.id, caller.id));
      if (input.vehicle_type) {
        await tx
          .update(riderProfiles)
          .set({ vehicleType: input.vehicle_type, updatedAt: new Date() })
          .where(eq(riderProfiles.userId, caller.id));
      }
      if (passwordHash) ended = await endOtherSessions(tx, caller.id, caller.sessionId);
    });
  } catch (error) {
    duplicateAccount(error);
  }
  await revoked.revoke(ended);
  return profileOf(db, caller.id);
}

/**
 * A rider's account, held until the caller's transaction ends, so that decisions about their money
 * (a cash settlement against what they hold) are taken one at a time. A lock that still lets rows
 * pointing at the account (their cash, their notifications) be written meanwhile. Undefined for
 * an account that is not a rider's.
 */
export async function lockRider(tx: Db, riderId: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, riderId), eq(users.role, 'rider')))
    .for('no key update');
  return row;
}

/** Whether a rider takes work now (404 for an account with no rider profile). */
export async function riderAvailability(db: Db, riderId: string): Promise<boolean> {
  const [row] = await db
    .select({ available: riderProfiles.isAvailable })
    .from(riderProfiles)
    .where(eq(riderProfiles.userId, riderId));
  if (!row) throw notFound('Rider profile');
  return row.available;
}

/** A rider going online (offered work) or offline; 404 when the account has no rider profile. */
/** Signing out: a rider is offline; anyone else is unchanged. */
export async function takeRiderOffline(db: Db, userId: string): Promise<void> {
  await db
    .update(riderProfiles)
    .set({ isAvailable: false, updatedAt: new Date() })
    .where(and(eq(riderProfiles.userId, userId), eq(riderProfiles.isAvailable, true)));
}

export async function setRiderAvailability(db: Db, riderId: string, available: boolean): Promise<void> {
  const [row] = await db
    .update(riderProfiles)
    .set({ isAvailable: available, updatedAt: new Date() })
    .where(eq(riderProfiles.userId, riderId))
    .returning({ userId: riderProfiles.userId });
  if (!row) throw notFound('Rider profile');
}
