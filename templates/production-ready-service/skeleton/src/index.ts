import { startTracing } from './tracing';
const tracing = startTracing();

import * as Sentry from '@sentry/node';
import { readConfig } from './config';
import { start } from './lifecycle';

async function main() {
  const config = readConfig();
  if (config.sentryDsn) Sentry.init({ dsn: config.sentryDsn });
  const service = await start(config);
  console.log(
    `${{ values.name }} listening on :${service.port}, metrics on :${service.metricsPort}`,
  );
  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    await service.stop();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
