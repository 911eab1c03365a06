import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// The harness's own PostgreSQL, Redis and API processes: stopping them breaks nobody else's tests.

const run = promisify(execFile);
const backendDir = path.resolve(import.meta.dirname, '..');
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
  return Date.now() - started;
}

/** PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user. */
const asPostgres = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

export interface Postgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its files. */
  remove(): Promise<void>;
}

export async function startPostgres(): Promise<Postgres> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kupwara-faults-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout), Number(gid));
  }
  await chmod(dir, 0o700);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pg = (tool: string, args: string[]) => run(...asPostgres(path.join(PG_BIN, tool), args));
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await pg('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    remove: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const ping = async () => (await run('redis-cli', ['-p', String(port), 'ping'])).stdout.trim() === 'PONG';
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitUntil(ping, 'Redis to answer', 10_000);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop: async () => {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(() => undefined);
      await exited;
    },
  };
}

export interface ApiProcess {
  base: string;
  port: number;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Kills it and deletes its data directory. */
  remove(): Promise<void>;
  /** Starts it again on the same port (after a kill). */
  restart(): Promise<void>;
  alive(): boolean;
  /** The process's id (the primary's, with WEB_CONCURRENCY above 1). */
  pid(): number | undefined;
  /** Its exit code once it exited (null while running or when a signal ended it). */
  exitCode(): number | null;
}

/** backend/src/main.ts, as production runs it; resolves once /readyz answers 200. */
export async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kupwara-faults-api-'));
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let output = '';
  let exited = false;
  const launch = async () => {
    exited = false;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: backendDir,
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PUSH_SERVICE: 'log',
        AUTH_LIMIT_PER_IP: '100000',
        AUTH_LIMIT_PER_ACCOUNT: '100000',
        // One machine plays a town's phones: every request comes from one address.
        WRITE_LIMIT_PER_USER: '100000',
        WRITE_LIMIT_PER_IP: '100000',
        // One API process each, as the fault scenarios kill and count them (a test asks for more).
        WEB_CONCURRENCY: '1',
        ...env,
      },
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', () => {
      exited = true;
    });
    await waitUntil(async () => exited || (await fetch(`${base}/readyz`)).status === 200, 'the API to be ready');
    if (exited) throw new Error(`the API exited:\n${output}`);
  };
  const kill = async (signal: NodeJS.Signals) => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await gone;
  };
  await launch();
  return {
    base,
    port,
    output: () => output,
    alive: () => !exited,
    pid: () => child.pid,
    exitCode: () => child.exitCode,
    kill,
    restart: launch,
    async remove() {
      await kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
