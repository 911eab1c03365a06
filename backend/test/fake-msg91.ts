import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmsOptions } from '../src/platform/config';

/** One request the fake gateway received, as it came. */
export interface Msg91Request {
  method: string;
  path: string;
  authkey: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

export interface FakeMsg91 {
  /** Where it listens (MSG91_URL). */
  url: string;
  requests: Msg91Request[];
  /** The sends it took, in order: their request ids and what they carried. */
  sent: { ref: string; templateId: string; recipient: Record<string, string> }[];
  /** The next `count` requests get `status` with a proxy's plain-text page (a gateway having trouble). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export const FAKE_AUTH_KEY = 'fake-msg91-authkey-0123456789';

/** The DLT templates registered at the fake, by id, with the variables each declares. */
export const FAKE_TEMPLATES = { newOrder: '64f0a1b2c3d4e5f6a7b8c9d0', offer: '64f0a1b2c3d4e5f6a7b8c9d1' } as const;
const declared: Record<string, readonly string[]> = {
  [FAKE_TEMPLATES.newOrder]: ['customer', 'items', 'total', 'link'],
  [FAKE_TEMPLATES.offer]: ['shop', 'distance', 'link'],
};

/** The app's SMS settings pointed at the fake. */
export const fakeSmsOptions = (fake: FakeMsg91, overrides: Partial<SmsOptions> = {}): SmsOptions => ({
  gateway: 'msg91',
  authKey: FAKE_AUTH_KEY,
  url: fake.url,
  templates: { ...FAKE_TEMPLATES },
  publicUrl: 'https://kupwaracart.test',
  ...overrides,
});

const answer = (res: ServerResponse, status: number, body: object) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * MSG91's Flow API on 127.0.0.1 (POST /api/v5/flow), answering as documented: the `authkey`
 * header must be the account's (else 401 with MSG91's 207 "invalid authentication key"), the
 * template must be one registered and every variable it declares given for a mobile number in
 * international form without '+'; then `{"type":"success","message":"<request id>"}`.
 */
export async function startFakeMsg91(): Promise<FakeMsg91> {
  const requests: Msg91Request[] = [];
  const sent: FakeMsg91['sent'] = [];
  let failures: { count: number; status: number } = { count: 0, status: 503 };

  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const authkey = typeof req.headers.authkey === 'string' ? req.headers.authkey : undefined;
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    requests.push({ method: req.method ?? '', path, authkey, contentType: req.headers['content-type'], body });
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      return res.writeHead(failures.status, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
    }
    if (req.method !== 'POST' || path !== '/api/v5/flow')
      return answer(res, 404, { type: 'error', message: 'Not found' });
    if (authkey !== FAKE_AUTH_KEY) {
      return answer(res, 401, { type: 'error', message: 'Invalid authentication key', code: '207' });
    }
    const flow = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const templateId = typeof flow.template_id === 'string' ? flow.template_id : '';
    const variables = declared[templateId];
    if (!variables) return answer(res, 400, { type: 'error', message: 'Invalid template id' });
    const recipients = Array.isArray(flow.recipients) ? (flow.recipients as Record<string, unknown>[]) : [];
    const [recipient] = recipients;
    const mobiles = recipient?.mobiles;
    if (!recipient || recipients.length !== 1 || typeof mobiles !== 'string' || !/^91\d{10}$/.test(mobiles)) {
      return answer(res, 400, { type: 'error', message: 'Invalid mobile number', code: '202' });
    }
    const missing = variables.filter((name) => typeof recipient[name] !== 'string' || recipient[name] === '');
    if (missing.length > 0) return answer(res, 400, { type: 'error', message: `Missing variables: ${missing}` });
    const ref = randomBytes(12).toString('hex');
    sent.push({ ref, templateId, recipient: recipient as Record<string, string> });
    return answer(res, 200, { type: 'success', message: ref });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sent,
    failNext(count, status = 503) {
      failures = { count, status };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
