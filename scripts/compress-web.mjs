// Writes `.br` (brotli, quality 11) and `.gz` (gzip -9) beside every text asset of a web build, for
// the server to send as they are (@fastify/static's preCompressed) instead of compressing per request.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text and fonts shrink; images, woff2 and media are compressed already and are left alone. */
export const compressible = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.txt',
  '.xml',
  '.webmanifest',
  '.ico',
  '.ttf',
  '.otf',
  '.wasm',
]);

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && compressible.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** True when `variant` exists and is no older than `source`: a rerun on the same build is free. */
async function upToDate(source, variant) {
  const [from, to] = await Promise.all([stat(source), stat(variant).catch(() => undefined)]);
  return to !== undefined && to.mtimeMs >= from.mtimeMs;
}

const encoders = {
  '.br': (data, isText) =>
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: isText ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  '.gz': (data) => gz(data, { level: 9 }),
};

/**
 * Compresses every text asset under `dir`. A variant that would not be smaller than the file is not
 * written, so the server sends the file itself. zlib's async calls run on libuv's thread pool, so
 * all files go at once and the pool spreads them over the cores. Returns the bytes before and after.
 */
export async function compressDir(dir) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  await Promise.all(
    (await filesUnder(dir)).map(async (file) => {
      const data = await readFile(file);
      const isText = !['.ico', '.ttf', '.otf', '.wasm'].includes(extname(file));
      totals.files += 1;
      totals.raw += data.length;
      for (const [suffix, encode] of Object.entries(encoders)) {
        const key = suffix.slice(1);
        const variant = file + suffix;
        if (await upToDate(file, variant)) {
          totals[key] += (await stat(variant)).size;
          continue;
        }
        const packed = await encode(data, isText);
        if (packed.length >= data.length) {
          // A variant left by an older build would be sent for a file it no longer matches.
          await rm(variant, { force: true });
          totals[key] += data.length;
          continue;
        }
        await writeFile(variant, packed);
        totals[key] += packed.length;
      }
    }),
  );
  return totals;
}
