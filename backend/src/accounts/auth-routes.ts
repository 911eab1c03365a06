import { errorBody, loginRequest, logoutRequest, refreshRequest, registerRequest, session } from '@kupwara/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../platform/db';
import type { RateLimiter } from '../platform/rate-limit';
import { type AuthLimits, limitAuthAttempt } from './rate-limits';
import { endSession, rotateSession, startSession } from './sessions';
import { authenticate, getMe, register } from './users';

export interface AuthRoutesOptions {
  db: Db;
  rateLimiter: RateLimiter;
  limits: AuthLimits;
}

const errors = { 400: errorBody, 401: errorBody, 409: errorBody, 429: errorBody };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { db, rateLimiter, limits }) => {
  const tags = ['auth'];

  app.post(
    '/auth/register',
    {
      schema: {
        tags,
        summary: 'Create a customer, seller or rider account',
        body: registerRequest,
        response: { 201: session, ...errors },
      },
    },
    async (request, reply) => {
      await limitAuthAttempt(rateLimiter, limits, request, reply, `register:${request.body.phone}`);
      const user = await register(db, request.body);
      const tokens = await startSession(db, app.tokens, user);
      return reply.status(201).send({ ...tokens, user });
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with phone or email and password',
        body: loginRequest,
        response: { 200: session, ...errors },
      },
    },
    async (request, reply) => {
      const account = request.body.phone ?? request.body.email ?? '';
      await limitAuthAttempt(rateLimiter, limits, request, reply, `login:${account}`);
      const user = await authenticate(db, request.body);
      return { ...(await startSession(db, app.tokens, user)), user };
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Trade a refresh token for a new access and refresh token (the old one is used up)',
        body: refreshRequest,
        response: { 200: session, ...errors },
      },
    },
    async (request) => {
      const { tokens, userId } = await rotateSession(db, app.tokens, request.body.refresh_token);
      const user = await getMe(db, userId);
      if (!user) throw new Error('refresh token of a user who does not exist');
      return { ...tokens, user };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'End the session of this refresh token',
        body: logoutRequest,
        response: { 204: z.null(), 400: errorBody },
      },
    },
    async (request, reply) => {
      await endSession(db, request.body.refresh_token);
      return reply.status(204).send(null);
    },
  );
};
