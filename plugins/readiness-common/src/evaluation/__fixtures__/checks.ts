import type { Entity } from '@backstage/catalog-model';
import type { CheckDefinition } from '../../definitions/types';
import type { EntityFacts, SourceFacts } from '../../facts/types';

/** The moment of evaluation in check tests. */
export const now = new Date('2025-06-01T12:00:00Z');

/** A production service with a tier, a Kubernetes id and a tag. */
export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: {
      'backstage.io/kubernetes-id': 'checkout',
      'readiness/tier': '2',
    },
    tags: ['payments'],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-payments',
  },
};

/** A check over `k8s.objects` passing when each object's state is ok. */
export function check(overrides: Partial<CheckDefinition>): CheckDefinition {
  return {
    id: 'the-check',
    title: 'A check.',
    category: 'Testing',
    level: 'bronze',
    description: 'Tests.',
    source: 'k8s',
    condition: { fact: '$.state', eq: 'ok' },
    forEach: { in: 'k8s.objects' },
    ...overrides,
  };
}

/** Facts whose `k8s` source holds `data`. */
export function factsWith(
  data: unknown,
  extra: Record<string, SourceFacts> = {},
): EntityFacts {
  return {
    entity,
    sources: {
      k8s: { status: 'ok', collectedAt: '2025-06-01T11:00:00Z', data },
      ...extra,
    },
  };
}

/** `k8s` data with one object per state (undefined: no state). */
export const objects = (...states: Array<string | undefined>) => ({
  objects: states.map((state, i) => ({
    name: `o${i}`,
    ...(state ? { state } : {}),
  })),
});
