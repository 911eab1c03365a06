import { type RouteName, type RouteSpec, routes } from '@kupwara/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { arbitraryOf } from '../../../test/zod-arbitrary';
import { compiledSerializer } from './compiled-serializer';

const answered = (Object.entries(routes) as [RouteName, RouteSpec][]).filter(([, spec]) => spec.status !== 204);

describe('compiled response serializers', () => {
  it('are made for the hot routes', () => {
    for (const name of ['nearbyStores', 'storeProducts', 'placeOrder', 'getStore'] as const) {
      expect(compiledSerializer(routes[name].response), name).toBeDefined();
    }
  });

  it.each(answered)(
    'write %s as zod encode and JSON.stringify do (the same JSON), for values made from its schema',
    (_name, spec) => {
      const serialize = compiledSerializer(spec.response);
      if (!serialize) return;
      fc.assert(
        fc.property(arbitraryOf(spec.response), (made) => {
          const parsed = spec.response.safeParse(made);
          if (!parsed.success) return;
          // The same JSON; key order may differ (an order's fields come from a schema built in parts), which no client reads.
          const text = serialize(parsed.data);
          expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(z.encode(spec.response, parsed.data))));
        }),
        { numRuns: 30, seed: 20 },
      );
    },
  );
});
