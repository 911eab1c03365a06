import { z } from 'zod';
import { normalizePhone } from '../domain/phone';
import { vehicleTypes } from './choices';
import { id, text, timestamp } from './common';

export const roles = ['customer', 'seller', 'rider', 'admin'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** Admins are made by the operator, never through the public sign-up. */
export const selfRegisteredRole = z.enum(['customer', 'seller', 'rider']);

export const vehicleType = z.enum(vehicleTypes);
export type VehicleType = z.infer<typeof vehicleType>;

/** Accepts the ways people type phone numbers; the value becomes E.164. */
export const phone = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const normalized = normalizePhone(value);
    if (normalized) return normalized;
    ctx.addIssue({ code: 'custom', message: 'must be a mobile number such as +919876543210' });
    return z.NEVER;
  });

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email('must be an email address'));

// Bounded: argon2 on a megabyte of password would be a cheap way to burn our CPU.
export const password = z.string().min(8, 'must be at least 8 characters').max(128, 'must be at most 128 characters');

export const personName = text(80);

export const registerRequest = z
  .strictObject({
    name: personName,
    phone,
    email: email.optional(),
    password,
    role: selfRegisteredRole,
    vehicle_type: vehicleType.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'rider' && !body.vehicle_type) {
      ctx.addIssue({ code: 'custom', path: ['vehicle_type'], message: 'is required for riders' });
    }
    if (body.role !== 'rider' && body.vehicle_type) {
      ctx.addIssue({ code: 'custom', path: ['vehicle_type'], message: 'is only for riders' });
    }
  });
export type RegisterRequest = z.infer<typeof registerRequest>;

export const loginRequest = z
  .strictObject({
    phone: phone.optional(),
    email: email.optional(),
    password: z.string().min(1).max(128),
  })
  .refine((body) => (body.phone === undefined) !== (body.email === undefined), {
    path: ['phone'],
    message: 'give either phone or email',
  });
export type LoginRequest = z.infer<typeof loginRequest>;

export const refreshToken = z.string().min(16).max(256);
export const refreshRequest = z.strictObject({ refresh_token: refreshToken });
export const logoutRequest = refreshRequest;

export const riderProfile = z.object({ vehicle_type: vehicleType, is_available: z.boolean() });

export const me = z.object({
  id,
  role,
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  created_at: timestamp,
  rider: riderProfile.nullable(),
});
export type Me = z.infer<typeof me>;

export const updateMeRequest = z
  .strictObject({
    name: personName.optional(),
    email: email.nullable().optional(),
    vehicle_type: vehicleType.optional(),
    current_password: z.string().min(1).max(128).optional(),
    new_password: password.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' })
  .refine((body) => (body.new_password === undefined) === (body.current_password === undefined), {
    path: ['current_password'],
    message: 'changing the password needs both current_password and new_password',
  });
export type UpdateMeRequest = z.infer<typeof updateMeRequest>;

export const session = z.object({
  access_token: z.string(),
  access_token_expires_at: timestamp,
  refresh_token: z.string(),
  refresh_token_expires_at: timestamp,
  user: me,
});
export type Session = z.infer<typeof session>;
