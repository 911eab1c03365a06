import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeadersOptions {
  /** Web origins other than this server's own allowed to call the API from a browser. */
  corsOrigins: readonly string[];
  /** The payment gateway's checkout script, which the customer web app loads (unset: cash only). */
  checkoutUrl: string | undefined;
  /** Where product photos are served from when they are not under this server's /media. */
  mediaPublicUrl: string | undefined;
}

const originOf = (url: string) => new URL(url).origin;

/**
 * What the pages this server serves may load: the three web builds, /docs and the gateway's
 * checkout. Everything is the server's own except the checkout script (with the frames and calls
 * it makes) and photos in a bucket. Styles may be inline: react-native-web writes its styles into
 * style elements and attributes at run time.
 */
export function contentSecurityPolicy({ checkoutUrl, mediaPublicUrl }: Omit<SecurityHeadersOptions, 'corsOrigins'>) {
  const gateway = checkoutUrl ? [originOf(checkoutUrl)] : [];
  // Razorpay's checkout.js opens its own frames and calls on other razorpay.com hosts.
  if (checkoutUrl && new URL(checkoutUrl).hostname.endsWith('.razorpay.com')) gateway.push('https://*.razorpay.com');
  const media = mediaPublicUrl ? [originOf(mediaPublicUrl)] : [];
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'self'"],
    'form-action': ["'self'"],
    'script-src': ["'self'", ...gateway],
    'connect-src': ["'self'", ...gateway],
    'frame-src': ["'self'", ...gateway],
    'img-src': ["'self'", 'data:', 'blob:', ...media, ...gateway],
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'worker-src': ["'self'", 'blob:'],
  };
}

/**
 * The headers helmet sets, worked out once: they are the same on every answer (no nonces), and
 * @fastify/helmet built helmet's whole middleware again for each request (a tenth of /healthz's CPU).
 */
function fixedHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Security headers on every answer, and CORS for the configured origins only: the apps' web
 * builds are same-origin and native apps send no Origin, so any other origin gets no
 * Access-Control-Allow-Origin and its browser keeps the answer from the page.
 */
export const securityHeaders = fp<SecurityHeadersOptions>(async (app: FastifyInstance, options) => {
  const headers = fixedHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
    // The gateway's checkout may open a popup (net banking, UPI apps) that reports back to the page.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    // Photos under /media are shown by the web builds of other ports in development too.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  // Node's own server sends no X-Powered-By, so there is nothing for helmet's removeHeader to take away.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cors, {
    origin: [...options.corsOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['retry-after', 'x-request-id', 'idempotent-replayed'],
    maxAge: 600,
  });
});
