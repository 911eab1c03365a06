import { apiPrefix, type Role, type RouteName, type RouteSpec, roles, routes } from '@kupwara/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app';
import { bearer, registerUser } from '../../../test/factories';
import { route } from './route';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
}

let app: FastifyInstance;
let operations: Record<string, Record<string, Operation>>;
const sessions = new Map<Role, { access_token: string }>();

beforeAll(async () => {
  ({ app } = await makeTestApp());
  await app.ready();
  operations = (await app.inject({ url: '/docs/json' })).json().paths;
  for (const role of ['customer', 'seller', 'rider'] as const) sessions.set(role, await registerUser(app, { role }));
});
afterAll(() => app.close());

const entries = Object.entries(routes) as [RouteName, RouteSpec][];
const someId = '0192f0c4-3e5a-7b2c-8d1e-9f0a1b2c3d4e';
const urlOf = (spec: RouteSpec) => `${apiPrefix}${spec.path.replace(':id', someId)}`;
const openApiPath = (spec: RouteSpec) => `${apiPrefix}${spec.path.replace(/:(\w+)/g, '{$1}')}`;

describe('every entry of the route table', () => {
  it('is served at its method and path, and documented under its name', () => {
    for (const [name, spec] of entries) {
      expect(app.hasRoute({ method: spec.method, url: `${apiPrefix}${spec.path}` }), name).toBe(true);
      const operation = operations[openApiPath(spec)]?.[spec.method.toLowerCase()];
      expect(operation, name).toMatchObject({ operationId: name, summary: spec.summary, tags: [...spec.tags] });
      expect(operation?.security, name).toEqual(spec.auth === 'public' ? [] : [{ bearer: [] }]);
      const key = operation?.parameters?.find((p) => p.in === 'header');
      const idempotency = key && (key.required ? 'required' : 'optional');
      expect([key?.name, idempotency], name).toEqual(
        spec.idempotencyKey ? ['idempotency-key', spec.idempotencyKey] : [undefined, undefined],
      );
    }
  });

  it('documents its success status and, for each error it names, the error body', () => {
    for (const [name, spec] of entries) {
      const responses = operations[openApiPath(spec)]?.[spec.method.toLowerCase()]?.responses ?? {};
      expect(Object.keys(responses), name).toContain(String(spec.status ?? 200));
      for (const status of [...(spec.errors ?? []), '4XX', 500]) {
        const body = responses[String(status)]?.content?.['application/json']?.schema;
        expect(Object.keys(body?.properties ?? {}), `${name} ${status}`).toEqual(['error']);
      }
    }
  });

  it('admits only the callers its auth names: 401 without a token, 403 for another role', async () => {
    for (const [name, spec] of entries) {
      const anonymous = await app.inject({ method: spec.method, url: urlOf(spec) });
      if (spec.auth === 'public') {
        expect(anonymous.statusCode, name).not.toBe(401);
        continue;
      }
      expect([anonymous.statusCode, anonymous.json().error.code], name).toEqual([401, 'UNAUTHENTICATED']);
      const allowed = spec.auth;
      if (allowed === 'user') continue;
      const outsider = roles.find((role) => sessions.has(role) && !allowed.includes(role));
      const session = outsider && sessions.get(outsider);
      if (!session) throw new Error(`no role outside ${allowed.join(', ')} to try ${name} with`);
      const refused = await app.inject({ method: spec.method, url: urlOf(spec), headers: bearer(session) });
      expect([refused.statusCode, refused.json().error.code], name).toEqual([403, 'FORBIDDEN']);
    }
  });
});

describe('the server', () => {
  it('refuses at registration any /api/v1 route that is not an entry of the table', async () => {
    const fresh = await makeTestApp();
    try {
      expect(() => fresh.app.get(`${apiPrefix}/stray`, async () => 'hidden')).toThrow(/not in the route table/);
      // An entry's path with another method is not the entry.
      expect(() => fresh.app.delete(`${apiPrefix}/me`, async () => null)).toThrow(/not in the route table/);
      // A copy of an entry is not the entry; an entry outside the /api/v1 scope is refused too.
      const never = async (): Promise<never> => {
        throw new Error('not called');
      };
      expect(() => route(fresh.app, { ...routes.getMe }, never)).toThrow(/not an entry of the route table/);
      expect(() => route(fresh.app, routes.getMe, never)).toThrow(/must be registered under \/api\/v1/);
    } finally {
      await fresh.app.close();
    }
  });
});
