import fc from 'fast-check';

/** Strings that have broken parsers, databases and renderers before: each one a fuzz run may try anywhere. */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'a'.repeat(100 * 1024),
  'ॐ'.repeat(40 * 1024),
  '\uD800',
  'lone \uDFFF surrogate',
  '\u202Eكوپواڑہ\u202C',
  'نیا آرڈر',
  'NUL\u0000byte',
  '\u0000',
  'zero\u200Bwidth\uFEFF',
  '👩‍👩‍👧‍👦🇮🇳',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '$1',
  '%s%n%x',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '-1e308',
  '9007199254740993',
  '0x10',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Numbers at the edges of what JSON, JavaScript and PostgreSQL integers hold. */
export const edgeNumber: fc.Arbitrary<number> = fc.constantFrom(
  -0,
  1e308,
  -1e308,
  5e-324,
  0.5,
  -1,
  2 ** 31,
  2 ** 63,
  Number.MAX_SAFE_INTEGER + 1,
  Number.MIN_SAFE_INTEGER - 1,
);

const nest = (depth: number, make: (inner: unknown) => unknown) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = make(value);
  return value;
};

/** 1000 levels of arrays or objects: deep enough to overflow a naive recursive walk. */
export const deepNesting: fc.Arbitrary<unknown> = fc.constantFrom(
  nest(1000, (inner) => [inner]),
  nest(1000, (inner) => ({ a: inner })),
);

/** A JSON value of any type but the expected one, a nasty string, an edge number or deep nesting. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 'a'], { a: 1 }) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Bodies no JSON parser should accept, or accept only to find the wrong shape. */
export const brokenJson: fc.Arbitrary<string | Buffer> = fc.constantFrom<string | Buffer>(
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}}',
  '{"a":1} trailing',
  '\uFEFF{}',
  'NaN',
  '',
  ' ',
  '"just a string"',
  '12',
  'null',
  '[]',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  `${'['.repeat(1000)}${']'.repeat(1000)}`,
  `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`,
  `"${'a'.repeat(100 * 1024)}"`,
  `{"a":"${'a'.repeat(2 * 1024 * 1024)}"}`,
  Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
);

/** Content types a JSON route may be sent instead of application/json (undefined: none at all). */
export const wrongContentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'multipart/form-data',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/xml',
  '*/*',
);

/** Header values a client might send (visible ASCII: anything else no HTTP parser lets through). */
export const nastyHeader: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'x', 'a'.repeat(100 * 1024), "' OR 1=1 --", '../../etc/passwd', '%00', 'null', '-0'),
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
);

/** Every path to a value inside a JSON value, the value itself first (`[]`). */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (!value || typeof value !== 'object') return paths;
  for (const [key, item] of Object.entries(value)) {
    paths.push(...pathsOf(item, [...prefix, Array.isArray(value) ? Number(key) : key]));
  }
  return paths;
}

const clone = <T>(value: T): T => structuredClone(value);

/** A copy of `value` with the value at `path` replaced (`undefined`: removed). */
export function replaceAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = clone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (next === undefined && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (next === undefined) delete parent[last];
  else parent[last] = next;
  return copy;
}

/** A copy of `value` with one more key somewhere an object is (or `value` wrapped in one). */
export function addExtraAt(value: unknown, path: (string | number)[], key: string, extra: unknown): unknown {
  const copy = clone(value);
  let target: unknown = copy;
  for (const step of path) {
    const next = (target as Record<string | number, unknown>)[step];
    if (!next || typeof next !== 'object' || Array.isArray(next)) break;
    target = next;
  }
  if (!target || typeof target !== 'object' || Array.isArray(target)) return { value: copy, [key]: extra };
  (target as Record<string, unknown>)[key] = extra;
  return copy;
}
