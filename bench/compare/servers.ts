// The two servers under test: drf-ref through its own run.sh/stop.sh (its folder stays untouched,
// its state goes to STATE_DIR), and ours as a child process running backend/src/main.ts.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../backend/faults/cluster';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
// ../shared sits beside the main checkout; a git worktree elsewhere finds it through the common git dir.
const mainCheckout = path.dirname(
  execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root }).toString().trim(),
);
export const refDir =
  process.env.DRF_REF_DIR ??
  [root, mainCheckout].map((dir) => path.resolve(dir, '../shared/bench/drf-ref')).find((dir) => existsSync(dir)) ??
  path.resolve(root, '../shared/bench/drf-ref');

/** What drf-ref's README says to install, and how to tell each is there. */
const needs: [string, () => boolean][] = [
  ['/usr/bin/gunicorn', () => existsSync('/usr/bin/gunicorn')],
  ['python3-django', () => existsSync('/usr/lib/python3/dist-packages/django')],
  ['python3-djangorestframework', () => existsSync('/usr/lib/python3/dist-packages/rest_framework')],
  ['wrk', () => existsSync('/usr/bin/wrk')],
];
export const installLine =
  'apt-get update && apt-get install -y python3-django python3-djangorestframework python3-psycopg2 \\\n' +
  '  gunicorn gdal-bin libgdal32 postgresql-15-postgis-3 wrk';

export const missingTools = () => needs.filter(([, present]) => !present()).map(([name]) => name);

export async function startReference(env: Record<string, string>) {
  const started = performance.now();
  await run(path.join(refDir, 'run.sh'), [], { env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
  return (performance.now() - started) / 1000;
}

export async function stopReference(env: Record<string, string>) {
  await run(path.join(refDir, 'stop.sh'), [], { env: { ...process.env, ...env } }).catch(() => undefined);
}

/** The `node` binary of a major version: this one's own, or the one scripts/node-lts.sh fetches. */
export async function nodeBinary(major: number) {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const { stdout } = await run(path.join(root, 'scripts/node-lts.sh'), [String(major)]);
  return path.join(stdout.trim(), 'node');
}

export interface Ours {
  url: string;
  child: ChildProcess;
}

/** Our app in production mode on `databaseUrl`, with every rate limit far above the run's. */
export async function startOurs(node: string, databaseUrl: string, redisUrl: string): Promise<Ours> {
  const port = await freePort();
  const lifted = '1000000000';
  const child = spawn(node, ['--import', 'tsx', path.join(root, 'backend/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env, // WEB_CONCURRENCY and the like pass through
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: randomBytes(36).toString('base64'),
      LOG_LEVEL: 'warn',
      AUTH_LIMIT_PER_IP: lifted,
      AUTH_LIMIT_PER_ACCOUNT: lifted,
      WRITE_LIMIT_PER_USER: lifted,
      WRITE_LIMIT_PER_IP: lifted,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`our app exited with ${code}`))),
  );
  const ready = (async () => {
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`${url}/healthz`).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) return { url, child };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('our app did not answer /healthz within 60 s');
  })();
  return Promise.race([ready, exited]);
}

export function stopOurs({ child }: Ours) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}
