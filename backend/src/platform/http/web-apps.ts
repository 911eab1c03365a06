import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Negotiator } from '@fastify/accept-negotiator';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webApps = ['customer', 'seller', 'rider'] as const;
export type WebApp = (typeof webApps)[number];

const packagesDir = fileURLToPath(new URL('../../../../packages', import.meta.url));
export const webBuildDir = (name: WebApp) => path.join(packagesDir, `${name}-app`, 'dist');

/** Uploaded images under `dir` at /media: names are content hashes, so they are cached for good. */
export async function serveMedia(app: FastifyInstance, dir: string) {
  await mkdir(dir, { recursive: true });
  await app.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: '/media/',
    decorateReply: false,
    // Only what is there when asked: uploads arrive while the server runs.
    wildcard: true,
    setHeaders(res) {
      res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}

const extensionOf = { br: '.br', gzip: '.gz' } as const;
type Encoding = keyof typeof extensionOf;

/** index.html, the build's brotli and gzip variants of it (scripts/compress-web.mjs), read once. */
async function readIndex(root: string) {
  const file = path.join(root, 'index.html');
  const identity = await readFile(file);
  const variants = new Map<Encoding, Buffer>();
  for (const encoding of ['br', 'gzip'] as const) {
    const body = await readFile(file + extensionOf[encoding]).catch(() => undefined);
    if (body) variants.set(encoding, body);
  }
  // Best first: brotli is the smaller.
  const negotiator = new Negotiator<Encoding>({ supportedValues: [...variants.keys()] });
  return { identity, variants, negotiator };
}

/**
 * Serves each app's web build at `/{name}/`. Expo's hashed bundles are cached for a year; any
 * other path under the prefix gets the app's index.html so deep links such as
 * `/customer/orders/:id` open in the app's own router. Text files go out as the build's brotli or
 * gzip variant when the browser accepts one (with `Vary: Accept-Encoding` either way).
 */
export async function serveWebApps(
  app: FastifyInstance,
  names: readonly WebApp[] = webApps,
  buildDir: (name: WebApp) => string = webBuildDir,
): Promise<WebApp[]> {
  const served: WebApp[] = [];
  for (const name of names) {
    const root = buildDir(name);
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn(`no web build for the ${name} app in ${root}: run npm run build:web`);
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: `/${name}/`,
      wildcard: false,
      decorateReply: false,
      preCompressed: true,
      // The variants are sent in place of their file, never as files of their own.
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders(res, filePath) {
        // Expo names bundles and assets by content hash, so they never change under the same URL.
        const relative = path.relative(root, filePath);
        const immutable =
          relative.startsWith(`_expo${path.sep}static${path.sep}`) || relative.startsWith(`assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get(`/${name}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${name}/`));
    // Read once: the build does not change under a running server (restart after npm run build:web).
    const index = await readIndex(root);
    app.get(`/${name}/*`, { schema: { hide: true } }, (request, reply) => {
      const accepted = request.headers['accept-encoding'];
      const encoding = accepted && index.variants.size > 0 ? index.negotiator.negotiate(accepted) : null;
      const body = encoding ? index.variants.get(encoding) : undefined;
      const vary = reply.getHeader('vary');
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
      if (encoding && body) return reply.header('content-encoding', encoding).send(body);
      return reply.send(index.identity);
    });
    served.push(name);
  }
  if (served.length > 0) {
    const home = served[0];
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${home}/`));
  }
  return served;
}
