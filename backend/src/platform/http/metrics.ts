import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry: modules add their own metrics to it. */
    metrics: Registry;
  }
}

/** `/metrics` in Prometheus text: the process's own metrics, event-loop delay, and request latency by route pattern. */
export const metrics = fp(async (app: FastifyInstance) => {
  // A registry per app, not prom-client's global one, so several apps can live in one process (tests).
  const registry = new Registry();
  // The defaults include perf_hooks.monitorEventLoopDelay as gauges: nodejs_eventloop_lag_{p50,p90,p99,
  // max,min,mean,stddev}_seconds, sampled every 10 ms and reset at each scrape (each scrape covers the
  // time since the last one). A cached read's slow p99 shows here as a blocked loop, not as the database.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // With WEB_CONCURRENCY above 1 each scrape is answered by one of the processes: this says which,
  // so a scraper can tell their series apart instead of reading one jumpy process.
  new Gauge({ name: 'process_pid', help: 'Id of the process that answered this scrape', registers: [registry] }).set(
    process.pid,
  );
  app.decorate('metrics', registry);

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids in paths would make a series per order.
    const route = request.routeOptions.url ?? 'unmatched';
    latency.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
