import { Entity } from '@backstage/catalog-model';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';

/** A one-check scorecard for the multi-replica test. */
export const replicaScorecard: Scorecard = {
  id: 'replica-test',
  title: 'Replica test',
  levels: ['bronze'],
  checks: [
    {
      id: 'k8s-min-replicas',
      title: 'Every workload runs at least two replicas.',
      category: 'Deployment & Kubernetes hygiene',
      level: 'bronze',
      description: 'Two replicas survive a node failure.',
      source: 'test-cluster',
      forEach: { in: 'test-cluster.workloads' },
      condition: { fact: '$.replicas', gte: 2 },
    },
  ],
};

/** The entity `component:default/<name>`. */
export function replicaEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-a',
    },
  };
}
