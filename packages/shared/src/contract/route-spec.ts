import type { z } from 'zod';
import type { Role } from './accounts';

/** Every route of the API lives under this prefix. */
export const apiPrefix = '/api/v1';

/** The multipart field a photo upload carries its file in. */
export const uploadField = 'image';
/** The largest photo an upload may carry. */
export const maxUploadBytes = 8 * 1024 * 1024;

/** The groups of the API reference, with what each holds. */
export const routeTags = {
  auth: 'Accounts and sessions: sign up, log in, refresh and end a session',
  me: 'The signed-in person: profile and notifications',
  addresses: "A customer's delivery addresses",
  stores: 'Shops near a point, and one shop',
  catalog: "The category tree and a shop's products",
  seller: "A seller's own store and inventory",
  orders: 'Placing orders and moving them through their states',
  rider: "A rider's availability, positions, offers and earnings",
  payments: 'Paying online, the payment ledger, cash in hand and what shops are owed',
  admin: "The operators' actions",
} as const;
export type RouteTag = keyof typeof routeTags;

/**
 * Who may call a route: anyone (`public`), any signed-in person (`user`), or only these roles.
 * Every value but `public` needs `Authorization: Bearer <access token>`.
 */
export type RouteAuth = 'public' | 'user' | readonly Role[];

/** Error statuses a route names besides those its inputs (400) and its `auth` (401; 403 for roles) imply. */
export type ErrorStatus = 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** One route of `/api/v1`: what it takes, who may call it, and what it answers. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under /api/v1, with `:id` for path parameters. */
  path: string;
  /** One line for the API reference. */
  summary: string;
  tags: readonly RouteTag[];
  auth: RouteAuth;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body, or a multipart upload (a FormData with the photo in the field `uploadField`). */
  body?: z.ZodType | 'multipart';
  /** `Idempotency-Key`: required for orders, optional for actions an app may queue. */
  idempotencyKey?: 'required' | 'optional';
  /** The success status: 200 unless given (201 where the route creates, 204 with `z.null()` for no body). */
  status?: 201 | 204;
  response: z.ZodType;
  /** The route's own refusals, each answered with the error body. */
  errors?: readonly ErrorStatus[];
}
