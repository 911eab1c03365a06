// Expo's push service as its documentation describes it, on 127.0.0.1: POST /--/api/v2/push/send
// takes an array of messages (gzipped when large) and answers a ticket per message in order;
// POST /--/api/v2/push/getReceipts takes {ids} and answers a receipt per id it knows. A failed
// request answers {errors: [{code, message}]} with its HTTP status.
// https://docs.expo.dev/push-notifications/sending-notifications/
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface ReceivedPush {
  to: string;
  title?: string;
  body?: string;
  data: Record<string, unknown>;
  channelId?: string;
  sound?: string;
  priority?: string;
  interruptionLevel?: string;
  ttl?: number;
  /** When the request carrying it arrived (ms since the epoch). */
  at: number;
  ticketId: string;
}

/** What the next requests meet: a status to answer with, or 'drop' (the connection closes unanswered). */
export type Fault = 500 | 502 | 503 | 429 | 401 | 'drop';

export interface FakeExpoPush {
  url: string;
  /** Every message that got an ok ticket, in arrival order. */
  received: ReceivedPush[];
  /** Requests that were answered with a fault. */
  refused: number;
  /** The next `count` send requests meet `fault`. */
  failNext(fault: Fault, count: number): void;
  /** Tickets for this token say DeviceNotRegistered. */
  unregisterInTicket(token: string): void;
  /** Receipts for this token's messages carry this error. */
  receiptError(token: string, error: 'DeviceNotRegistered' | 'MessageRateExceeded' | 'InvalidCredentials'): void;
  receiptRequests: string[][];
  close(): Promise<void>;
}

export async function startFakeExpoPush(options: { accessToken?: string } = {}): Promise<FakeExpoPush> {
  const received: ReceivedPush[] = [];
  const receiptRequests: string[][] = [];
  const faults: Fault[] = [];
  const unregistered = new Set<string>();
  const receiptErrors = new Map<string, string>();
  const tokenOfTicket = new Map<string, string>();
  let refused = 0;

  const readJson = async (req: IncomingMessage): Promise<unknown> => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const raw = Buffer.concat(parts);
    const text = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
    return JSON.parse(text);
  };
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const failure = (res: ServerResponse, status: number, code: string, message: string) =>
    answer(res, status, { errors: [{ code, message }] });

  const server = createServer(async (req, res) => {
    if (options.accessToken && req.headers.authorization !== `Bearer ${options.accessToken}`) {
      refused += 1;
      return failure(res, 401, 'UNAUTHORIZED', 'The bearer token is invalid');
    }
    if (req.method === 'POST' && req.url === '/--/api/v2/push/send') {
      const fault = faults.shift();
      if (fault === 'drop') {
        refused += 1;
        req.socket.destroy();
        return;
      }
      if (fault) {
        refused += 1;
        const code = fault === 429 ? 'TOO_MANY_REQUESTS' : fault === 401 ? 'UNAUTHORIZED' : 'INTERNAL_SERVER_ERROR';
        return failure(res, fault, code, `fake fault ${fault}`);
      }
      const body = await readJson(req);
      const messages = (Array.isArray(body) ? body : [body]) as Omit<ReceivedPush, 'at' | 'ticketId'>[];
      if (messages.length > 100) return failure(res, 400, 'PUSH_TOO_MANY_NOTIFICATIONS', 'more than 100 messages');
      const at = Date.now();
      const data = messages.map((message) => {
        if (unregistered.has(message.to))
          return {
            status: 'error',
            message: `"${message.to}" is not a registered push notification recipient`,
            details: { error: 'DeviceNotRegistered', expoPushToken: message.to },
          };
        const ticketId = randomUUID();
        tokenOfTicket.set(ticketId, message.to);
        received.push({ ...message, at, ticketId });
        return { status: 'ok', id: ticketId };
      });
      return answer(res, 200, { data });
    }
    if (req.method === 'POST' && req.url === '/--/api/v2/push/getReceipts') {
      const { ids } = (await readJson(req)) as { ids: string[] };
      receiptRequests.push(ids);
      const data: Record<string, unknown> = {};
      for (const id of ids) {
        const token = tokenOfTicket.get(id);
        if (!token) continue;
        const error = receiptErrors.get(token);
        data[id] = error ? { status: 'error', message: `fake ${error}`, details: { error } } : { status: 'ok' };
      }
      return answer(res, 200, { data });
    }
    return failure(res, 404, 'NOT_FOUND', 'no such endpoint');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    receiptRequests,
    get refused() {
      return refused;
    },
    failNext(fault, count) {
      for (let i = 0; i < count; i += 1) faults.push(fault);
    },
    unregisterInTicket: (token) => void unregistered.add(token),
    receiptError: (token, error) => void receiptErrors.set(token, error),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
