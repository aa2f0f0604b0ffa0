/** Settings from environment variables; `.env.example` documents each. */
export interface Config {
  port: number;
  metricsPort: number;
  shutdownDelayMs: number;
  featureFlags: string[];
  sentryDsn?: string;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, 'PORT', 8080),
    metricsPort: integer(env, 'METRICS_PORT', 9090),
    shutdownDelayMs: integer(env, 'SHUTDOWN_DELAY_MS', 5000),
    featureFlags: (env.FEATURE_FLAGS ?? '')
      .split(',')
      .map(flag => flag.trim())
      .filter(Boolean),
    sentryDsn: env.SENTRY_DSN || undefined,
  };
}
