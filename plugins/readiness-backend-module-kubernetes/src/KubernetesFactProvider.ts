import { NotImplementedError } from '@backstage/errors';
import {
  CollectedFacts,
  FactProvider,
} from '@readiness/backstage-plugin-readiness-node';

/**
 * Facts about an entity's workloads in the configured Kubernetes clusters.
 * Reading clusters is not implemented yet: the provider is registered so that
 * the wiring is in place, and collecting fails loudly rather than report
 * empty facts that would read as failing checks.
 */
export class KubernetesFactProvider implements FactProvider {
  readonly id = 'kubernetes';

  async collect(): Promise<Map<string, CollectedFacts>> {
    throw new NotImplementedError(
      'Reading Kubernetes clusters is not implemented yet',
    );
  }
}
