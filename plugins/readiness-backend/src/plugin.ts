import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readinessPermissions } from '@readiness/backstage-plugin-readiness-common';
import {
  ContributedScorecards,
  readinessFactProvidersExtensionPoint,
  readinessScorecardsExtensionPoint,
} from '@readiness/backstage-plugin-readiness-node';
import { readRefreshOptions } from './config';
import { DatabaseReadinessStore } from './database/DatabaseReadinessStore';
import { loadScorecards } from './definitions/loadScorecards';
import { loadRecordImports } from './imports/loadRecordImports';
import { ReadinessMetrics } from './engine/metrics';
import { RefreshEngine } from './engine/RefreshEngine';
import { CatalogFactProvider } from './providers/CatalogFactProvider';
import { FactProviderRegistry } from './providers/FactProviderRegistry';
import { createRouter } from './service/router';

/**
 * The Readiness backend plugin: scorecards, facts, results and their REST API
 * under `/api/readiness`.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    const providers = new FactProviderRegistry();
    env.registerExtensionPoint(readinessFactProvidersExtensionPoint, {
      addFactProvider: (...added) => providers.add(...added),
    });
    const contributed: ContributedScorecards[] = [];
    env.registerExtensionPoint(readinessScorecardsExtensionPoint, {
      addScorecards: (...added) => contributed.push(...added),
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        metrics: metricsServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const scorecards = await loadScorecards({ config, contributed });
        const refresh = readRefreshOptions(config);
        const store = await DatabaseReadinessStore.create(deps);
        const imported = await store.importRecords(
          await loadRecordImports({ config, scorecards, now: new Date() }),
        );
        for (const entityRef of imported.entityRefs) {
          await store.requestRefresh(entityRef, new Date());
        }
        if (imported.entityRefs.length > 0) {
          logger.info(
            `Imported ${imported.attestations} attestations and ${imported.exemptions} exemptions for ${imported.entityRefs.length} entities`,
          );
        }
        const catalogProvider = new CatalogFactProvider(deps);
        const engine = new RefreshEngine({
          ...deps,
          store,
          refresh,
          providers: () => [catalogProvider, ...providers.list()],
          scorecards: () => scorecards,
          workerId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
          metrics: new ReadinessMetrics({
            ...deps,
            store,
            scorecards: () => scorecards,
          }),
        });
        deps.permissionsRegistry.addPermissions(readinessPermissions);
        logger.info(
          `Loaded ${scorecards.length} scorecards with ${scorecards.reduce(
            (n, s) => n + s.checks.length,
            0,
          )} checks`,
        );

        // One replica at a time lists the catalog into the refresh queue ...
        await scheduler.scheduleTask({
          id: 'readiness-sync-queue',
          ...refresh.schedule,
          scope: 'global',
          fn: async () => {
            await engine.syncQueue();
          },
        });
        // One replica re-scores, on stored facts, what an earlier definition scored ...
        await scheduler.scheduleTask({
          id: 'readiness-rescore',
          ...refresh.schedule,
          scope: 'global',
          fn: async () => {
            const evaluations = await engine.rescoreOutdated();
            if (evaluations > 0) {
              logger.info(
                `Re-scored ${evaluations} evaluations after a scorecard definition changed`,
              );
            }
          },
        });
        // ... and every replica works due batches, claimed so none is done twice.
        await scheduler.scheduleTask({
          id: 'readiness-refresh',
          ...refresh.schedule,
          scope: 'local',
          fn: async () => {
            await engine.refreshDue();
          },
        });

        const publicBadges =
          config.getOptionalBoolean('readiness.badges.public') ?? false;
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            store,
            engine,
            providers,
            scorecards: () => scorecards,
            publicBadges,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        if (publicBadges) {
          deps.httpRouter.addAuthPolicy({
            path: '/badge',
            allow: 'unauthenticated',
          });
        }
      },
    });
  },
});
