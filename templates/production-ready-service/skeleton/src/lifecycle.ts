import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from './config';
import { setUpFlags } from './flags';
import { createMetrics } from './metrics';
import { createApiServer, createMetricsServer, Readiness } from './server';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise(resolve => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * Starts the API and metrics servers. `stop()` shuts down gracefully: the
 * readiness probe fails first, so that Kubernetes takes the pod out of the
 * Service before the server stops accepting connections; requests in flight
 * finish.
 */
export async function start(config: Config) {
  const readiness: Readiness = { ready: false };
  const metrics = createMetrics();
  const flags = await setUpFlags(config.featureFlags);
  const api = createApiServer({ flags, metrics, readiness });
  const metricsServer = createMetricsServer(metrics);
  const port = await listen(api, config.port);
  const metricsPort = await listen(metricsServer, config.metricsPort);
  readiness.ready = true;
  let stopping: Promise<void> | undefined;
  return {
    port,
    metricsPort,
    stop(): Promise<void> {
      stopping ??= (async () => {
        readiness.ready = false;
        await new Promise(resolve => setTimeout(resolve, config.shutdownDelayMs));
        await Promise.all([close(api), close(metricsServer)]);
      })();
      return stopping;
    },
  };
}
