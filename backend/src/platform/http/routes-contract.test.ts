import { routes } from '@kupwara/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app';

let spec: { paths: Record<string, Record<string, { parameters?: { in: string; required?: boolean }[] }>> };
let close: () => Promise<void>;

beforeAll(async () => {
  const { app } = await makeTestApp();
  await app.ready();
  spec = app.swagger() as typeof spec;
  close = () => app.close();
});
afterAll(() => close());

it('lists in the shared route table exactly the routes the server has, with the same idempotency header', () => {
  const served = Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const key = operation.parameters?.find((p) => p.in === 'header');
        const idempotency = key ? (key.required ? 'required' : 'optional') : undefined;
        return `${method.toUpperCase()} ${path.slice('/api/v1'.length).replace(/\{(\w+)\}/g, ':$1')} ${idempotency}`;
      }),
    );
  const table = Object.values(routes).map(
    (route) => `${route.method} ${route.path} ${'idempotencyKey' in route ? route.idempotencyKey : undefined}`,
  );
  expect(table.sort()).toEqual(served.sort());
});
