import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Serves each app's web build at `/{name}/`. Expo's hashed bundles are cached for a year; any
 * other path under the prefix gets the app's index.html so deep links such as
 * `/customer/orders/:id` open in the app's own router.
 */
export async function serveWebApps(app: FastifyInstance, names: readonly WebApp[] = webApps): Promise<WebApp[]> {
  const served: WebApp[] = [];
  for (const name of names) {
    const root = webBuildDir(name);
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn(`no web build for the ${name} app in ${root}: run npm run build:web`);
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: `/${name}/`,
      wildcard: false,
      decorateReply: false,
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
    const indexHtml = await readFile(path.join(root, 'index.html'));
    app.get(`/${name}/*`, { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml),
    );
    served.push(name);
  }
  if (served.length > 0) {
    const home = served[0];
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${home}/`));
  }
  return served;
}
