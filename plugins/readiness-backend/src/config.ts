import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** Settings of the refresh engine, read from `readiness.refresh` and `readiness.maxFactAge`. */
export interface RefreshOptions {
  schedule: SchedulerServiceTaskScheduleDefinition;
  intervalMs: number;
  /** How soon a batch whose refresh failed is tried again (at most `intervalMs`). */
  retryDelayMs: number;
  batchSize: number;
  claimTimeoutMs: number;
  providerTimeoutMs: number;
  /** Maximum fact age per source id; `defaultMaxFactAgeMs` for the rest. */
  maxFactAgeMs: Record<string, number>;
  defaultMaxFactAgeMs: number;
}

const HOUR = 60 * 60 * 1000;

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 10 },
};

function readDurationMs(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): number {
  if (!config?.has(key)) {
    return durationToMilliseconds(fallback);
  }
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

/** Reads the refresh engine's settings with their defaults. */
export function readRefreshOptions(config: Config): RefreshOptions {
  const refresh = config.getOptionalConfig('readiness.refresh');
  const maxAge = config.getOptionalConfig('readiness.maxFactAge');
  const batchSize = refresh?.getOptionalNumber('batchSize') ?? 50;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(
      `Invalid config readiness.refresh.batchSize: ${batchSize} is not a positive integer`,
    );
  }
  const maxFactAgeMs: Record<string, number> = {
    kubernetes: 24 * HOUR,
    repository: 7 * 24 * HOUR,
  };
  for (const source of maxAge?.keys() ?? []) {
    maxFactAgeMs[source] = readDurationMs(maxAge, source, { hours: 24 });
  }
  const intervalMs = readDurationMs(refresh, 'interval', { hours: 1 });
  return {
    schedule: refresh?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          refresh.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    intervalMs,
    retryDelayMs: Math.min(
      intervalMs,
      readDurationMs(refresh, 'retryDelay', { minutes: 5 }),
    ),
    batchSize,
    claimTimeoutMs: readDurationMs(refresh, 'claimTimeout', { minutes: 10 }),
    providerTimeoutMs: readDurationMs(refresh, 'providerTimeout', {
      minutes: 2,
    }),
    maxFactAgeMs,
    defaultMaxFactAgeMs: 24 * HOUR,
  };
}
