// Prometheus metrics at GET /metrics (DESIGN §5): request rate and latency by route and status,
// and the process's own figures. One registry per app, so several apps in one process (tests)
// do not collide. Labels are route patterns, never raw URLs: no ids or personal data.
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { App } from '../types.ts';

export function registerMetrics(app: App): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'juzhu_' });
  const duration = new Histogram({
    name: 'juzhu_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', (req, reply, done) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get(
    '/metrics',
    { schema: { tags: ['ops'], summary: 'Prometheus metrics', hide: false } },
    async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
  return registry;
}
