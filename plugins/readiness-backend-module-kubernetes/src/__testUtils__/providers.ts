import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readKubernetesConfig } from '../config';
import { KubernetesFactProvider } from '../KubernetesFactProvider';
import { KubernetesFacts } from '../facts/types';
import { CollectedFacts } from '@readiness/backstage-plugin-readiness-node';

/** A provider built from `readiness.kubernetes` config, as the module builds it. */
export function providerFromConfig(kubernetes: JsonObject, now?: () => number) {
  const logger = mockServices.logger.mock();
  const provider = new KubernetesFactProvider({
    config: readKubernetesConfig(
      new ConfigReader({ readiness: { kubernetes } }),
      {},
    ),
    logger,
    now,
  });
  return { provider, logger };
}

/** The facts of a collected entry, failing the test when it is an error. */
export function okFacts(
  collected: CollectedFacts | undefined,
): KubernetesFacts {
  if (collected?.status !== 'ok') {
    throw new Error(`expected ok facts, got ${JSON.stringify(collected)}`);
  }
  return collected.data as unknown as KubernetesFacts;
}

/** API groups of every optional custom resource the provider reads. */
export const ALL_CRD_GROUPS = [
  'argoproj.io',
  'monitoring.coreos.com',
  'cert-manager.io',
  'keda.sh',
  'flagger.app',
  'velero.io',
  'postgresql.cnpg.io',
  'cilium.io',
  'projectcalico.org',
  'gateway.networking.k8s.io',
];
