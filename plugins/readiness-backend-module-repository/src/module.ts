import { createBackendModule } from '@backstage/backend-plugin-api';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { RepositoryFactProvider } from './RepositoryFactProvider';

/**
 * Adds the `repository` fact provider to the readiness backend.
 *
 * @public
 */
export const readinessModuleRepository = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'repository',
  register(reg) {
    reg.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider(new RepositoryFactProvider());
      },
    });
  },
});
