import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { readKubernetesConfig } from './config';
import { KubernetesFactProvider } from './KubernetesFactProvider';

/**
 * Adds the `kubernetes` fact provider to the readiness backend. It reads the
 * clusters listed under `readiness.kubernetes.clusters`; without that key, a
 * backend running in a pod reads its own cluster. With no cluster at all,
 * annotated entities get an error (their Kubernetes checks stay unknown).
 *
 * @public
 */
export const readinessModuleKubernetes = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'kubernetes',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: readinessFactProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        const moduleConfig = readKubernetesConfig(config);
        logger.info(
          `Reading ${moduleConfig.clusters.length} Kubernetes cluster(s): ${
            moduleConfig.clusters
              .map(c => `${c.name} (${c.type})`)
              .join(', ') || 'none configured'
          }`,
        );
        providers.addFactProvider(
          new KubernetesFactProvider({ config: moduleConfig, logger }),
        );
      },
    });
  },
});
