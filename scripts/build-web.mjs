#!/usr/bin/env node
// Builds the apps' web exports into packages/<app>-app/dist, one after another, with no network,
// each an installable PWA (scripts/pwa.mjs), with brotli and gzip copies of their text assets for
// the server to send as they are.
// Usage: node scripts/build-web.mjs [--if-missing] [customer|seller|rider ...]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compressDir } from './compress-web.mjs';
import { makePwa } from './pwa.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const apps = ['customer', 'seller', 'rider'];

/** Expo otherwise asks the network for versions, telemetry and git state, and hangs or fails offline. */
const offlineEnv = {
  CI: '1',
  EXPO_NO_TELEMETRY: '1',
  EXPO_OFFLINE: '1',
  EXPO_NO_DEPENDENCY_VALIDATION: '1',
  EXPO_NO_GIT_STATUS: '1',
};

export function appDir(app) {
  return join(root, 'packages', `${app}-app`);
}

export function isBuilt(app) {
  return existsSync(join(appDir(app), 'dist', 'index.html'));
}

function exportWeb(app) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['expo', 'export', '--platform', 'web', '--output-dir', 'dist'], {
      cwd: appDir(app),
      env: { ...process.env, ...offlineEnv },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${app}-app web export failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function compress(app, log) {
  const { files, raw, br, gz } = await compressDir(join(appDir(app), 'dist'));
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  log(`build-web: ${app}-app: ${files} text files, ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);
}

/**
 * Builds the named apps (all by default) in sequence and returns how long each took.
 * With `ifMissing`, skips apps whose dist/index.html exists. Rejects on the first failure.
 */
export async function buildWeb({ only = apps, ifMissing = false, log = console.log } = {}) {
  const unknown = only.filter((app) => !apps.includes(app));
  if (unknown.length > 0) throw new Error(`unknown app ${unknown.join(', ')}; expected ${apps.join(', ')}`);
  const timings = [];
  for (const app of only) {
    if (ifMissing && isBuilt(app)) {
      log(`build-web: ${app}-app already built, skipped`);
      // A build from before compression was added gets its variants now; an up-to-date one costs nothing.
      await compress(app, log);
      continue;
    }
    log(`build-web: exporting ${app}-app for the web`);
    const started = performance.now();
    await exportWeb(app);
    const shell = await makePwa(appDir(app));
    log(`build-web: ${app}-app offline shell of ${shell.files.length} files (build ${shell.id})`);
    await compress(app, log);
    const seconds = (performance.now() - started) / 1000;
    log(`build-web: ${app}-app built in ${seconds.toFixed(1)} s`);
    timings.push({ app, seconds });
  }
  return timings;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const named = args.filter((arg) => !arg.startsWith('--'));
  const unknownFlags = args.filter((arg) => arg.startsWith('--') && arg !== '--if-missing');
  if (unknownFlags.length > 0) {
    console.error(`build-web: unknown option ${unknownFlags.join(' ')}`);
    process.exit(2);
  }
  try {
    await buildWeb({ only: named.length > 0 ? named : apps, ifMissing: args.includes('--if-missing') });
  } catch (error) {
    console.error(`build-web: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
