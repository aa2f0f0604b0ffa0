import { Entity } from '@backstage/catalog-model';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';

/** A small scorecard with a catalog check, a source check and an attestation. */
export const testScorecard: Scorecard = {
  id: 'test-readiness',
  title: 'Test readiness',
  levels: ['bronze', 'silver'],
  appliesTo: { kind: ['Component'], lifecycle: ['production'] },
  targets: [{ tier: '1', level: 'silver' }],
  checks: [
    {
      id: 'own-description',
      title: 'The entity describes itself.',
      category: 'Ownership & documentation',
      level: 'bronze',
      description: 'A description of at least 30 characters.',
      source: 'catalog',
      condition: { fact: 'entity.metadata.description', minLength: 30 },
    },
    {
      id: 'k8s-min-replicas',
      title: 'Every workload runs at least two replicas.',
      category: 'Deployment & Kubernetes hygiene',
      level: 'bronze',
      description: 'Two replicas survive a node failure.',
      remediation: { text: 'Set `spec.replicas: 2`.' },
      source: 'test-cluster',
      forEach: { in: 'test-cluster.workloads' },
      objectLabel: '{kind} {namespace}/{name}',
      condition: { fact: '$.replicas', gte: 2 },
    },
    {
      id: 'oncall-runbook-content',
      title: 'The runbook is current.',
      category: 'On-call & incident response',
      level: 'silver',
      description: 'Reviewed in the last 180 days.',
      source: 'attestation',
      attestation: { expiryDays: 180 },
    },
  ],
};

/** A production component owned by team-a. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    description: 'Takes payments for the web shop and its customers.',
    annotations: { 'readiness/tier': '1' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};
