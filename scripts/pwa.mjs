// Makes an app's web export an installable PWA: icons, a web manifest, the service worker with this
// build's file list, and the manifest's link in index.html. Run by build-web.mjs after each export.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = dirname(fileURLToPath(import.meta.url));
const iconSource = join(here, '..', 'packages', 'shared', 'assets', 'icon.png');
export const iconSizes = [192, 512];
/** Written by this step, so not part of the shell it lists (the worker must not cache itself). */
const own = new Set(['sw.js', 'metadata.json']);
/** Precompressed twins and source maps: the browser asks for the file itself. */
const notShell = /\.(br|gz|map)$/;

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** `appDir` holds app.json and the export in dist/. Returns what the worker precaches. */
export async function makePwa(appDir) {
  const dist = join(appDir, 'dist');
  const { expo } = JSON.parse(await readFile(join(appDir, 'app.json'), 'utf8'));
  const scope = `${expo.experiments?.baseUrl ?? ''}/`;

  for (const size of iconSizes) {
    await sharp(iconSource)
      .resize(size, size)
      .png()
      .toFile(join(dist, `icon-${size}.png`));
  }
  const manifest = {
    id: scope,
    name: expo.web.name,
    short_name: expo.web.shortName,
    lang: expo.web.lang ?? 'en',
    start_url: scope,
    scope,
    display: 'standalone',
    orientation: expo.orientation,
    theme_color: expo.web.themeColor,
    background_color: expo.web.backgroundColor,
    icons: iconSizes.map((size) => ({
      src: `${scope}icon-${size}.png`,
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose: 'any',
    })),
  };
  await writeFile(join(dist, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);

  const indexPath = join(dist, 'index.html');
  const index = await readFile(indexPath, 'utf8');
  if (!index.includes('rel="manifest"')) {
    const links = `<link rel="manifest" href="${scope}manifest.webmanifest"/><link rel="apple-touch-icon" href="${scope}icon-192.png"/>`;
    await writeFile(indexPath, index.replace('</head>', `${links}</head>`));
  }

  // The id hashes every file's bytes: any change makes a new cache and drops the old one.
  const names = (await filesUnder(dist)).filter((name) => !own.has(name) && !notShell.test(name));
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update(await readFile(join(dist, name)));
  const build = {
    id: hash.digest('hex').slice(0, 16),
    cachePrefix: `kupwara${scope.replaceAll('/', '-')}`,
    scope,
    files: names.map((name) => `${scope}${name}`),
  };
  const worker = await readFile(join(here, 'pwa', 'service-worker.js'), 'utf8');
  await writeFile(join(dist, 'sw.js'), `const BUILD = ${JSON.stringify(build)};\n${worker}`);
  return build;
}
