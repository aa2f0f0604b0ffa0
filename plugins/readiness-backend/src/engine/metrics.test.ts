import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { metrics } from '@opentelemetry/api';
import {
  DataPoint,
  Histogram,
  MeterProvider,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { testEntity, testScorecard } from '../__testUtils__/fixtures';
import { readinessPlugin } from '../plugin';
import { METRIC_NAMES } from './metrics';

/** Keeps every collection in memory, for reading metrics in tests. */
class InMemoryMetricReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

const reader = new InMemoryMetricReader();
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));

async function points(name: string): Promise<DataPoint<any>[]> {
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  const scope = resourceMetrics.scopeMetrics.find(
    s => s.scope.name === 'backstage-plugin-readiness',
  );
  return scope?.metrics.find(m => m.descriptor.name === name)?.dataPoints ?? [];
}

/** `test-cluster` fails `component:default/broken` and answers for the rest. */
const providerModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'metrics-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider({
          id: 'test-cluster',
          collect: async ({ entities }) =>
            new Map(
              entities.map(e => {
                const ref = stringifyEntityRef(e);
                return [
                  ref,
                  ref === 'component:default/broken'
                    ? { status: 'error' as const, error: '403 Forbidden' }
                    : {
                        status: 'ok' as const,
                        data: {
                          workloads: [
                            {
                              kind: 'Deployment',
                              namespace: 'shop',
                              name: e.metadata.name,
                              replicas: 3,
                            },
                          ],
                        },
                      },
                ];
              }),
            ),
        });
      },
    });
  },
});

/** Hands the test the readiness plugin's scheduler, to run its tasks. */
let scheduler: SchedulerService | undefined;
const schedulerProbe = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'scheduler-probe',
  register(reg) {
    reg.registerInit({
      deps: { pluginScheduler: coreServices.scheduler },
      async init({ pluginScheduler }) {
        scheduler = pluginScheduler;
      },
    });
  },
});

const named = (name: string, description?: string): Entity => ({
  ...testEntity,
  metadata: { ...testEntity.metadata, name, description },
});

describe('readiness metrics', () => {
  it('reports refresh duration, failures per source and entities per level through the MetricsService', async () => {
    await startTestBackend({
      features: [
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        schedulerProbe,
        readinessPlugin,
        providerModule,
        catalogServiceMock.factory({
          entities: [
            named('checkout', testEntity.metadata.description),
            named('payments', testEntity.metadata.description),
            named('broken', testEntity.metadata.description),
            named('terse'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            readiness: {
              defaultScorecard: { enabled: false },
              scorecards: [testScorecard as unknown as JsonObject],
              refresh: { batchSize: 2 },
            },
          },
        }),
      ],
    });

    // The scheduled tasks sync the queue, then work it in two batches of two.
    await scheduler!.triggerTask('readiness-sync-queue');
    await scheduler!.triggerTask('readiness-refresh');

    const levels: DataPoint<number>[] = await points(
      METRIC_NAMES.entitiesPerLevel,
    );
    const byLevel = Object.fromEntries(
      levels.map(p => [p.attributes.level, p.value]),
    );
    // checkout and payments reach bronze; broken's cluster check is unknown
    // and terse has no description, so neither reaches a level.
    expect(byLevel).toEqual({ bronze: 2, silver: 0, none: 2 });
    expect(new Set(levels.map(p => p.attributes.scorecard))).toEqual(
      new Set(['test-readiness']),
    );

    const failures = await points(METRIC_NAMES.factFailures);
    expect(
      failures.map(p => ({ source: p.attributes.source, value: p.value })),
    ).toEqual([{ source: 'test-cluster', value: 1 }]);

    const refreshed = await points(METRIC_NAMES.refreshedEntities);
    expect(refreshed).toEqual([
      expect.objectContaining({ attributes: { result: 'success' }, value: 4 }),
    ]);

    const [duration] = await points(METRIC_NAMES.refreshDuration);
    expect(duration.attributes).toEqual({ result: 'success' });
    const histogram = duration.value as Histogram;
    expect(histogram.count).toBe(2);
    expect(histogram.sum).toBeGreaterThan(0);
  });
});
