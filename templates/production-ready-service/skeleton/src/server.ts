import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Flags } from './flags';
import type { Metrics } from './metrics';

/** Whether the service takes traffic; false while it starts and shuts down. */
export interface Readiness {
  ready: boolean;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { flags: Flags; readiness: Readiness },
): Promise<string> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET') {
    send(res, 405, { error: 'Only GET is supported' });
    return 'other';
  }
  switch (url.pathname) {
    case '/healthz':
      send(res, 200, { status: 'ok' });
      return '/healthz';
    case '/readyz':
      send(res, deps.readiness.ready ? 200 : 503, {
        status: deps.readiness.ready ? 'ready' : 'not ready',
      });
      return '/readyz';
    case '/v1/greeting': {
      const name = url.searchParams.get('name') ?? 'world';
      if (name.length > 100) {
        send(res, 400, { error: 'name: at most 100 characters' });
        return '/v1/greeting';
      }
      const friendly = await deps.flags.getBooleanValue('new-greeting', false);
      send(res, 200, {
        message: friendly ? `Hello, ${name}! Nice to see you.` : `Hello, ${name}!`,
      });
      return '/v1/greeting';
    }
    default:
      send(res, 404, { error: `No route ${url.pathname}` });
      return 'other';
  }
}

/** The API server: health, readiness and the `/v1` routes, with request metrics. */
export function createApiServer(deps: {
  flags: Flags;
  metrics: Metrics;
  readiness: Readiness;
}): Server {
  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    route(req, res, deps)
      .catch(error => {
        console.error(error);
        if (!res.headersSent) send(res, 500, { error: 'Internal error' });
        return 'other';
      })
      .then(name => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        deps.metrics.observe(name, res.statusCode, seconds);
      });
  });
}

/** `/metrics` for Prometheus, on its own port. */
export function createMetricsServer(metrics: Metrics): Server {
  return createServer(async (req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(await metrics.registry.metrics());
  });
}
