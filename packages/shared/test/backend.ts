import net from 'node:net';
import type { Session } from '@kupwara/shared';
import { makeTestApp, type TestApp } from '../../../backend/test/app';
import { openTestDatabase } from '../../../backend/test/databases';
import { type ApiClient, createApiClient, createSessionStore, memoryStorage } from '../src/client';

export { bearer, registerUser } from '../../../backend/test/factories';
export { HOME, line, makeMarket } from '../../../backend/test/orders';

/** The real app listening on 127.0.0.1 (a port of its own, or the one given: a restart). */
export async function startBackend(
  options: { port?: number; jwtSecret?: string; database?: TestApp['platform']['database'] } = {},
) {
  const test = await makeTestApp(options.jwtSecret ? { jwtSecret: options.jwtSecret } : {}, {
    database: options.database,
  });
  await test.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = test.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { ...test, port, url: `http://127.0.0.1:${port}` };
}

/** A database a restarted server can open again: the first server's close leaves it open. */
export async function lastingDatabase() {
  const database = await openTestDatabase();
  return { database, keptOpen: { ...database, close: async () => {} } };
}

/** A client signed in as `session`, against `baseUrl`, counting what it sends. */
export function clientFor(baseUrl: string, session: Session | null, fetchImpl: typeof fetch = fetch) {
  const sessions = createSessionStore(memoryStorage());
  sessions.store.setState({ session, loaded: true });
  const sent: string[] = [];
  const counting: typeof fetch = (input, init) => {
    sent.push(`${init?.method ?? 'GET'} ${String(input).replace(baseUrl, '')}`);
    return fetchImpl(input, init);
  };
  const api: ApiClient = createApiClient({ baseUrl: `${baseUrl}/api/v1`, tokens: sessions.tokens, fetch: counting });
  return { api, sessions, sent };
}

/**
 * A TCP relay in front of the server whose connections can be cut: what a phone sees when the
 * network drops (requests in flight fail; new ones are refused until it is back).
 */
export async function flakyLink(targetPort: number) {
  const open = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      up = true;
    },
    close() {
      this.cut();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
