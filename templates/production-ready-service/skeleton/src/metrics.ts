import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The service's Prometheus metrics, served on their own port. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route and status code',
    labelNames: ['route', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['route'],
    buckets: [0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2],
    registers: [registry],
  });
  return {
    registry,
    /** Records one finished request. */
    observe(route: string, code: number, seconds: number) {
      requests.inc({ route, code: String(code) });
      duration.observe({ route }, seconds);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
