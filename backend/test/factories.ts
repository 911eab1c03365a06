import type { RegisterRequest, Session } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

let sequence = 0;

/** A phone number no other test in the run uses: +91 9 followed by nine digits. */
export function uniquePhone(): string {
  sequence += 1;
  const digits = `${process.pid % 1000}${Date.now() % 100_000}${sequence}`.slice(-9).padStart(9, '0');
  return `+919${digits}`;
}

export type RegisterInput = { [K in keyof RegisterRequest]?: RegisterRequest[K] | string };

export const PASSWORD = 'chinar-leaf-42';

/** Registers through the API and returns the session; fails the test on anything but 201. */
export async function registerUser(
  app: FastifyInstance,
  input: RegisterInput = {},
): Promise<Session & { password: string }> {
  const role = input.role ?? 'customer';
  const body = {
    name: 'Aamir Lone',
    phone: uniquePhone(),
    password: PASSWORD,
    role,
    ...(role === 'rider' ? { vehicle_type: 'motorcycle' } : {}),
    ...input,
  };
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as Session), password: String(body.password) };
}

export const bearer = (session: { access_token: string }) => ({ authorization: `Bearer ${session.access_token}` });
