import { createBackendModule } from '@backstage/backend-plugin-api';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { KubernetesFactProvider } from './KubernetesFactProvider';

/**
 * Adds the `kubernetes` fact provider to the readiness backend.
 *
 * @public
 */
export const readinessModuleKubernetes = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'kubernetes',
  register(reg) {
    reg.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider(new KubernetesFactProvider());
      },
    });
  },
});
