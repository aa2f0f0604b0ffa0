import { Entity } from '@backstage/catalog-model';
import { providerFromConfig } from './__testUtils__/providers';
import { KubernetesFacts } from './facts/types';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'checkout',
    namespace: 'shop',
    labels: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'checkout' } },
    template: {
      metadata: { labels: { app: 'checkout' } },
      spec: { containers: [{ name: 'app', image: 'shop/checkout:1.2.3' }] },
    },
  },
};

describe('KubernetesFactProvider.factsFromContent', () => {
  it('turns posted manifests into the same facts shape as a listed cluster', () => {
    const { provider } = providerFromConfig({ clusters: [] });
    const facts = provider.factsFromContent({
      entity,
      manifests: [deployment],
    }) as unknown as KubernetesFacts;
    expect(facts.workloads).toHaveLength(1);
    expect(facts.workloads[0]).toMatchObject({
      kind: 'Deployment',
      name: 'checkout',
      minReplicas: 1,
    });
  });

  it('leaves staging and regions unknown, since rendered manifests show no live state', () => {
    const { provider } = providerFromConfig({ clusters: [] });
    const facts = provider.factsFromContent({
      entity,
      manifests: [deployment],
    }) as unknown as KubernetesFacts;
    expect(facts.summary).toMatchObject({
      discoverable: true,
      stagingAvailableWorkloads: null,
      productionRegions: null,
    });
  });

  it('has nothing to say when no manifests are posted', () => {
    const { provider } = providerFromConfig({ clusters: [] });
    expect(provider.factsFromContent({ entity })).toBeUndefined();
  });
});
