import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { DatabaseReadinessStore } from './database/DatabaseReadinessStore';
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

    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
      },
      async init({ database, httpRouter, logger }) {
        const store = await DatabaseReadinessStore.create({ database });
        httpRouter.use(await createRouter({ store, providers, logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
