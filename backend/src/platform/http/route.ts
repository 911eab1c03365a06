import {
  apiPrefix,
  type ErrorStatus,
  errorBody,
  idempotencyHeaders,
  optionalIdempotencyHeaders,
  type RouteName,
  type RouteSpec,
  routes,
} from '@kupwara/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IdempotentResponse } from '../idempotency';
import type { AuthUser } from './auth-user';
import { compiledSerializer } from './compiled-serializer';

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

type IdempotencyHeader<R extends RouteSpec> = R['idempotencyKey'] extends 'required'
  ? { 'idempotency-key': string }
  : R['idempotencyKey'] extends 'optional'
    ? { 'idempotency-key'?: string }
    : unknown;

/** The caller a route's `auth` admits: none on public routes, a user of one of its roles on role routes. */
export type RouteUser<R extends RouteSpec> = R['auth'] extends 'public'
  ? null
  : R['auth'] extends readonly (infer Allowed)[]
    ? AuthUser & { role: Allowed }
    : AuthUser;

/** A request of route R, validated against its entry: typed params, query, body and headers, and its caller. */
export type RouteRequest<R extends RouteSpec> = FastifyRequest<{
  Params: Parsed<R['params']>;
  Querystring: Parsed<R['query']>;
  Body: Parsed<R['body']>;
  Headers: IdempotencyHeader<R>;
}> & { user: RouteUser<R> };

/** An idempotent request's answer as first made (status and body), sent again as it was for a replay. */
export class StoredAnswer {
  constructor(readonly answer: IdempotentResponse<unknown>) {}
}

/** Sends a stored answer (`runOnce`'s result) with its own status; a replay says so, for the client's log. */
export const stored = (answer: IdempotentResponse<unknown>) => new StoredAnswer(answer);

/** An answer already in JSON, checked against the entry's response schema when it was made (a cached hot list). */
export class JsonText {
  constructor(readonly text: string) {}
}

/** The JSON text of `value` as the entry's serializer writes it: encoded through its response schema. */
export const jsonText = <R extends RouteSpec>(spec: R, value: z.output<R['response']>) =>
  new JsonText(JSON.stringify(z.encode(spec.response, value)));

/** What a handler answers: the body, sent with the entry's status, a stored idempotent answer, or JSON text. */
export type RouteAnswer<R extends RouteSpec> = z.output<R['response']> | StoredAnswer | JsonText;

export type RouteHandler<R extends RouteSpec> = (
  request: RouteRequest<R>,
  reply: FastifyReply,
) => Promise<RouteAnswer<R>>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route table entry this route was registered from. */
    routeName?: RouteName;
    /** A route a third party calls, never the apps (the payment gateway's webhooks): not in the route table. */
    outsideRouteTable?: boolean;
  }
}

const names = new Map<RouteSpec, RouteName>(
  (Object.keys(routes) as RouteName[]).map((name): [RouteSpec, RouteName] => [routes[name], name]),
);

const errorText: Record<ErrorStatus | 400 | '4xx' | 500, string> = {
  400: 'Invalid input (`VALIDATION_FAILED`, with `details.fields` naming each bad field, or `BAD_REQUEST`)',
  401: 'No valid access token, or wrong credentials (`UNAUTHENTICATED`)',
  403: 'You may not do this (`FORBIDDEN`)',
  404: 'Not found, or not yours (`NOT_FOUND`)',
  409: 'Refused by the current state: the code says why, `details` carries what is current',
  413: 'Too large (`PAYLOAD_TOO_LARGE`)',
  415: 'Wrong content type (`UNSUPPORTED_MEDIA_TYPE`)',
  422: 'Cannot be done as asked: the code says why',
  429: 'Too many attempts: try again later (`RATE_LIMITED`)',
  503: 'A service we depend on (the payment gateway) did not answer: try again shortly',
  '4xx': 'Any other client error',
  500: 'Something went wrong on our side (`INTERNAL`)',
};

const successText = { 200: 'OK', 201: 'Created', 204: 'Done: no body' };

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

type DocumentedError = keyof typeof errorText;

/** Every error a route may answer, each with the one error body: its inputs', its auth's, its own, then any other. */
function errorStatuses(spec: RouteSpec): DocumentedError[] {
  const takesInput = Boolean(spec.params || spec.query || spec.body || spec.idempotencyKey);
  const named = new Set<ErrorStatus | 400>(spec.errors);
  if (takesInput) named.add(400);
  if (spec.auth !== 'public') named.add(401);
  if (Array.isArray(spec.auth)) named.add(403);
  return [...[...named].sort((a, b) => a - b), '4xx', 500];
}

function headersOf(spec: RouteSpec) {
  if (spec.idempotencyKey === 'required') return idempotencyHeaders;
  if (spec.idempotencyKey === 'optional') return optionalIdempotencyHeaders;
  return undefined;
}

/** The route's name in the table; throws for a spec that is not an entry of it. */
export function routeName(spec: RouteSpec): RouteName {
  const name = names.get(spec);
  if (!name) throw new Error(`${spec.method} ${spec.path} is not an entry of the route table`);
  return name;
}

/**
 * Registers one entry of the route table on the `/api/v1` scope: method, path, schemas, the
 * Idempotency-Key header, the auth hook, success and error answers, and what the API reference
 * shows (operationId = the entry's name). The handler holds only what the route does.
 */
export function route<R extends RouteSpec>(app: FastifyInstance, spec: R, handler: RouteHandler<R>): void {
  const name = routeName(spec);
  if (app.prefix !== apiPrefix) throw new Error(`${name} must be registered under ${apiPrefix}, not "${app.prefix}"`);
  const status = spec.status ?? 200;
  const headers = headersOf(spec);
  const multipart = spec.body === 'multipart';
  // The success answer through a serializer compiled from its schema; errors (and a schema JSON schema cannot state) through zod's.
  const compiled = status === 204 ? undefined : compiledSerializer(spec.response);
  app.route({
    method: spec.method,
    url: spec.path,
    config: { routeName: name },
    ...(compiled
      ? {
          serializerCompiler: (routeSchema: { httpStatus?: string }) =>
            routeSchema.httpStatus === String(status)
              ? compiled
              : serializerCompiler(routeSchema as Parameters<typeof serializerCompiler>[0]),
        }
      : {}),
    ...(spec.auth === 'public' ? {} : { onRequest: app.authorize(spec.auth) }),
    schema: {
      operationId: name,
      summary: spec.summary,
      tags: [...spec.tags],
      security: spec.auth === 'public' ? [] : [{ bearer: [] }],
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body && spec.body !== 'multipart' ? { body: spec.body } : {}),
      ...(multipart ? { consumes: ['multipart/form-data'] } : {}),
      ...(headers ? { headers } : {}),
      response: {
        // No content at all, rather than JSON null: the answer of a 204 has no body.
        [status]: status === 204 ? z.undefined().describe(successText[204]) : json(spec.response, successText[status]),
        ...Object.fromEntries(errorStatuses(spec).map((code) => [code, json(errorBody, errorText[code])])),
      },
    },
    handler: async (request, reply) => {
      const answer = await handler(request as RouteRequest<R>, reply);
      if (status === 204) return reply.status(204).send();
      if (answer instanceof JsonText) {
        return reply
          .status(status)
          .type('application/json; charset=utf-8')
          .serializer((text: string) => text)
          .send(answer.text);
      }
      if (!(answer instanceof StoredAnswer)) return reply.status(status).send(answer);
      const { statusCode, replayed, body } = answer.answer;
      return reply.status(statusCode).header('idempotent-replayed', String(replayed)).send(body);
    },
  });
}

/**
 * Refuses, at registration, any `/api/v1` route that does not come from the route table through
 * `route()` (Fastify's own HEAD twins of GETs pass, and the few routes only a third party calls): the server answers no route outside the table.
 */
export const routeTableOnly = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (options: RouteOptions) => {
    if (options.url !== apiPrefix && !options.url.startsWith(`${apiPrefix}/`)) return;
    if (options.config?.outsideRouteTable) return;
    const name = options.config?.routeName;
    const spec = name && routes[name];
    const methods = [options.method].flat();
    const matches =
      spec &&
      options.url === `${apiPrefix}${spec.path}` &&
      methods.every((method) => method === spec.method || (method === 'HEAD' && spec.method === 'GET'));
    if (!matches) {
      throw new Error(
        `${methods.join(',')} ${options.url} is not in the route table: add it there and register it with route()`,
      );
    }
  });
});
