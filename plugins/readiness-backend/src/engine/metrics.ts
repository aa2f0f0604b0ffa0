import { LoggerService } from '@backstage/backend-plugin-api';
import {
  MetricsService,
  MetricsServiceCounter,
  MetricsServiceHistogram,
} from '@backstage/backend-plugin-api/alpha';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';
import { ReadinessStore } from '../database/ReadinessStore';

/** Names of the metrics the Readiness backend emits (meter `backstage-plugin-readiness`). */
export const METRIC_NAMES = {
  refreshDuration: 'readiness.refresh.duration',
  refreshedEntities: 'readiness.refresh.entities',
  factFailures: 'readiness.facts.failures',
  entitiesPerLevel: 'readiness.entities',
} as const;

/** What the refresh engine reports as it works. */
export interface RefreshMetrics {
  /** One refreshed batch: how long it took and whether it failed as a whole. */
  batchRefreshed(options: {
    entities: number;
    durationMs: number;
    failed: boolean;
  }): void;
  /** Entities whose facts a source failed to collect in one batch. */
  factsFailed(source: string, entities: number): void;
}

/**
 * The engine's metrics through Backstage's MetricsService (OpenTelemetry):
 *
 * - `readiness.refresh.duration` (histogram, seconds, `result`): one batch,
 * - `readiness.refresh.entities` (counter, `result`): entities refreshed,
 * - `readiness.facts.failures` (counter, `source`): failed collections,
 * - `readiness.entities` (observable gauge, `scorecard`, `level`): entities
 *   per level, `none` for those below the first; read from the store each
 *   time the metrics are collected.
 */
export class ReadinessMetrics implements RefreshMetrics {
  private readonly duration: MetricsServiceHistogram;
  private readonly refreshed: MetricsServiceCounter;
  private readonly failures: MetricsServiceCounter;

  constructor(options: {
    metrics: MetricsService;
    store: ReadinessStore;
    scorecards: () => Scorecard[];
    logger: LoggerService;
  }) {
    const { metrics, store, scorecards, logger } = options;
    this.duration = metrics.createHistogram(METRIC_NAMES.refreshDuration, {
      description:
        'Time to collect facts for, evaluate and store one batch of entities',
      unit: 's',
    });
    this.refreshed = metrics.createCounter(METRIC_NAMES.refreshedEntities, {
      description: 'Entities refreshed, by result (success or error)',
    });
    this.failures = metrics.createCounter(METRIC_NAMES.factFailures, {
      description: 'Entities whose facts a source failed to collect, by source',
    });
    metrics
      .createObservableGauge(METRIC_NAMES.entitiesPerLevel, {
        description: 'Entities per scorecard and level (none: below the first)',
      })
      .addCallback(async result => {
        try {
          for (const scorecard of scorecards()) {
            const levels = await countLevels(store, scorecard);
            for (const [level, count] of Object.entries(levels)) {
              result.observe(count, { scorecard: scorecard.id, level });
            }
          }
        } catch (error) {
          logger.warn(`Could not count entities per level: ${error}`);
        }
      });
  }

  batchRefreshed(options: {
    entities: number;
    durationMs: number;
    failed: boolean;
  }): void {
    const result = options.failed ? 'error' : 'success';
    this.duration.record(options.durationMs / 1000, { result });
    this.refreshed.add(options.entities, { result });
  }

  factsFailed(source: string, entities: number): void {
    if (entities > 0) {
      this.failures.add(entities, { source });
    }
  }
}

/** Entities per level on one scorecard (every level listed, `none` included). */
async function countLevels(
  store: ReadinessStore,
  scorecard: Scorecard,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(
    [...scorecard.levels, 'none'].map(level => [level, 0]),
  );
  for (let offset = 0; ; offset += 1000) {
    const page = await store.getOverview({
      scorecardId: scorecard.id,
      levels: scorecard.levels,
      groupBy: 'kind',
      filters: {},
      page: { limit: 1000, offset, sort: 'key', order: 'asc' },
    });
    for (const group of page.items) {
      for (const [level, n] of Object.entries(group.levels)) {
        counts[level] = (counts[level] ?? 0) + n;
      }
    }
    if (offset + page.items.length >= page.total) {
      return counts;
    }
  }
}
