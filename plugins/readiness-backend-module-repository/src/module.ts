import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { RepositoryFactProvider } from './provider/RepositoryFactProvider';

/**
 * Adds the `repository` fact provider to the readiness backend: source trees
 * read through the UrlReaderService with the SCM integrations already
 * configured, and local trees inside `readiness.repository.allowedLocalRoots`.
 *
 * @public
 */
export const readinessModuleRepository = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'repository',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: readinessFactProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
      },
      async init({ providers, config, logger, urlReader }) {
        providers.addFactProvider(
          RepositoryFactProvider.fromConfig(config, { urlReader, logger }),
        );
      },
    });
  },
});
