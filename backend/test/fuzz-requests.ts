import { apiPrefix, idempotencyKey, type RouteSpec, uploadField } from '@kupwara/shared';
import fc from 'fast-check';
import {
  addExtraAt,
  brokenJson,
  nastyHeader,
  nastyString,
  nastyValue,
  pathsOf,
  replaceAt,
  wrongContentType,
} from './fuzz-inputs';
import { arbitraryOf, type Hints } from './zod-arbitrary';

/** Who sends a fuzzed request: a signed-in role, nobody, or a token that is no token. */
export type Caller = 'customer' | 'seller' | 'rider' | 'admin' | 'nobody' | 'garbage';

/** One fuzzed request, ready for `app.inject`, with what it was made of for the failure message. */
export interface FuzzRequest {
  kind: string;
  caller: Caller;
  method: RouteSpec['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** What a multipart route is sent: a photo, or something that only looks like one. */
export interface UploadFiles {
  photo: Buffer;
  huge: Buffer;
}

const signedIn: Caller[] = ['customer', 'seller', 'rider', 'admin'];

/** The callers the route admits (so the fuzz reaches its handler), sometimes nobody or a forged token. */
function callers(spec: RouteSpec): fc.Arbitrary<Caller> {
  const allowed: Caller[] = spec.auth === 'public' ? ['nobody'] : spec.auth === 'user' ? signedIn : [...spec.auth];
  const others: Caller[] = spec.auth === 'public' ? signedIn : ['nobody', 'garbage'];
  return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...allowed) }, fc.constantFrom(...others));
}

type Mutation =
  | { kind: 'valid' }
  | { kind: 'body field'; at: number; value: unknown }
  | { kind: 'body field missing'; at: number }
  | { kind: 'body extra field'; at: number; key: string; value: unknown }
  | { kind: 'body replaced'; value: unknown }
  | { kind: 'broken json'; raw: string | Buffer }
  | { kind: 'content type'; type: string | undefined }
  | { kind: 'query value'; at: number; value: string }
  | { kind: 'query repeated'; at: number }
  | { kind: 'query extra'; key: string; value: string }
  | { kind: 'param'; at: number; value: string }
  | { kind: 'idempotency key'; value: string | undefined }
  | { kind: 'huge header'; value: string }
  | { kind: 'upload'; file: 'photo' | 'random' | 'empty' | 'truncated' | 'svg' | 'huge'; field: string; type: string }
  | { kind: 'upload broken'; raw: string };

function mutations(spec: RouteSpec): fc.Arbitrary<Mutation> {
  const json = spec.body !== undefined && spec.body !== 'multipart';
  const at = fc.nat();
  const options: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 10, arbitrary: fc.constant({ kind: 'valid' as const }) },
    {
      weight: 1,
      arbitrary: nastyHeader.map((value): Mutation => ({ kind: 'huge header', value })),
    },
  ];
  if (json) {
    options.push(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('body field' as const), at, value: nastyValue }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('body field missing' as const), at }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('body extra field' as const),
          at,
          key: fc.oneof(fc.constantFrom('role', 'id', 'is_admin', 'user_id', 'store_id'), fc.string({ maxLength: 8 })),
          value: nastyValue,
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('body replaced' as const), value: nastyValue }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('broken json' as const), raw: brokenJson }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('content type' as const), type: wrongContentType }) },
    );
  }
  if (spec.body === 'multipart') {
    options.push(
      {
        weight: 8,
        arbitrary: fc.record({
          kind: fc.constant('upload' as const),
          file: fc.constantFrom('photo', 'photo', 'random', 'empty', 'truncated', 'svg', 'huge'),
          field: fc.oneof({ weight: 5, arbitrary: fc.constant(uploadField) }, nastyHeader),
          type: fc.constantFrom('image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'text/plain', ''),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('upload broken' as const),
          raw: fc.constantFrom('', '--fuzz', '--fuzz\r\n\r\n', '{"image":"x"}', '--fuzz\r\nContent-Disposition: x'),
        }),
      },
    );
  }
  if (spec.query) {
    options.push(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('query value' as const), at, value: nastyString }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('query repeated' as const), at }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('query extra' as const),
          key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'limit[]', 'a[b]'), fc.string({ maxLength: 8 })),
          value: nastyString,
        }),
      },
    );
  }
  if (spec.params) {
    options.push({ weight: 4, arbitrary: fc.record({ kind: fc.constant('param' as const), at, value: nastyString }) });
  }
  if (spec.idempotencyKey) {
    const garbage = fc.oneof(nastyHeader, fc.constant('fuzz-reused-key'), fc.constant(undefined));
    options.push({
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('idempotency key' as const), value: garbage }),
    });
  }
  return fc.oneof(...options);
}

interface Parts {
  caller: Caller;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  key: string | undefined;
}

function validParts(spec: RouteSpec, hints: Hints): fc.Arbitrary<Parts> {
  const object = (schema: unknown) =>
    schema && schema !== 'multipart'
      ? (arbitraryOf(schema as never, hints) as fc.Arbitrary<Record<string, unknown>>)
      : fc.constant({});
  const key = arbitraryOf(idempotencyKey) as fc.Arbitrary<string>;
  return fc.record({
    caller: callers(spec),
    params: object(spec.params),
    query: object(spec.query),
    body: spec.body && spec.body !== 'multipart' ? arbitraryOf(spec.body, hints) : fc.constant(undefined),
    key:
      spec.idempotencyKey === 'required'
        ? key
        : spec.idempotencyKey
          ? fc.option(key, { nil: undefined })
          : fc.constant(undefined),
  });
}

/**
 * Percent-encodes like `encodeURIComponent`, but a lone surrogate (which it refuses) becomes the
 * bytes a careless client would send for it: not UTF-8, as a server must expect from anyone.
 */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

const pick = <T>(items: T[], at: number): T | undefined => items[at % Math.max(items.length, 1)];

function queryString(query: Record<string, unknown>, repeated?: string): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const pair = `${encode(key)}=${encode(String(value))}`;
    pairs.push(pair);
    if (key === repeated) pairs.push(pair);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

const formEncoded = (body: unknown) =>
  body && typeof body === 'object'
    ? new URLSearchParams(Object.entries(body).map(([k, v]) => [k, JSON.stringify(v)])).toString()
    : String(body);

function multipart(field: string, file: Buffer, type: string): { payload: Buffer; type: string } {
  const boundary = '----fuzz';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="photo"\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

function uploadFile(files: UploadFiles, file: Extract<Mutation, { kind: 'upload' }>['file']): Buffer {
  if (file === 'photo') return files.photo;
  if (file === 'huge') return files.huge;
  if (file === 'empty') return Buffer.alloc(0);
  if (file === 'truncated') return files.photo.subarray(0, 40);
  if (file === 'svg') return Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  return Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 256));
}

/** Builds the request a route's parts and one mutation of them make. */
function build(spec: RouteSpec, parts: Parts, mutation: Mutation, files: UploadFiles): FuzzRequest {
  const params = { ...parts.params };
  const query: Record<string, unknown> = { ...parts.query };
  let repeated: string | undefined;
  let body = parts.body;
  let payload: string | Buffer | undefined;
  let type: string | undefined = spec.body ? 'application/json' : undefined;
  const headers: Record<string, string> = {};
  let key = parts.key;
  switch (mutation.kind) {
    case 'body field':
    case 'body field missing':
      body = replaceAt(
        body,
        pick(pathsOf(body).slice(1), mutation.at) ?? [],
        'value' in mutation ? mutation.value : undefined,
      );
      break;
    case 'body extra field':
      body = addExtraAt(body, pick(pathsOf(body), mutation.at) ?? [], mutation.key, mutation.value);
      break;
    case 'body replaced':
      body = mutation.value;
      break;
    case 'broken json':
      payload = mutation.raw;
      break;
    case 'content type':
      type = mutation.type;
      payload = type === 'application/x-www-form-urlencoded' ? formEncoded(body) : JSON.stringify(body);
      break;
    case 'query value': {
      const name = pick(Object.keys({ ...query, ...shapeKeys(spec.query) }), mutation.at);
      if (name) query[name] = mutation.value;
      break;
    }
    case 'query repeated':
      repeated = pick(Object.keys(query), mutation.at);
      break;
    case 'query extra':
      query[mutation.key] = mutation.value;
      break;
    case 'param': {
      const name = pick(Object.keys(params), mutation.at);
      if (name) params[name] = mutation.value;
      break;
    }
    case 'idempotency key':
      key = mutation.value;
      break;
    case 'huge header':
      headers['x-fuzz'] = mutation.value;
      headers['user-agent'] = mutation.value;
      break;
    case 'upload': {
      const upload = multipart(mutation.field, uploadFile(files, mutation.file), mutation.type);
      payload = upload.payload;
      type = upload.type;
      break;
    }
    case 'upload broken':
      payload = mutation.raw;
      type = 'multipart/form-data; boundary=fuzz';
      break;
    case 'valid':
      break;
  }
  if (spec.body === 'multipart' && payload === undefined) {
    const upload = multipart(uploadField, files.photo, 'image/png');
    payload = upload.payload;
    type = upload.type;
  }
  if (payload === undefined && spec.body) payload = JSON.stringify(body);
  if (type) headers['content-type'] = type;
  if (key !== undefined) headers['idempotency-key'] = key;
  const path = spec.path.replace(/:(\w+)/g, (_, name: string) => encode(String(params[name] ?? '')));
  return {
    kind: mutation.kind,
    caller: parts.caller,
    method: spec.method,
    url: `${apiPrefix}${path}${queryString(query, repeated)}`,
    headers,
    payload,
  };
}

const shapeKeys = (schema: unknown): Record<string, true> => {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  return Object.fromEntries(Object.keys(shape).map((key) => [key, true]));
};

/** Requests for one route: valid ones from its schemas, and each kind of mutation of them. */
export const fuzzRequests = (spec: RouteSpec, hints: Hints, files: UploadFiles): fc.Arbitrary<FuzzRequest> =>
  fc.tuple(validParts(spec, hints), mutations(spec)).map(([parts, mutation]) => build(spec, parts, mutation, files));
