import type { Condition } from '../../definitions/types';
import type { EntityFacts } from '../../facts/types';

/** Facts for leaf operator tests. */
export const leafFacts: EntityFacts = {
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      description: '  Takes payments.  ',
      annotations: { 'readiness/tier': '1' },
    },
    spec: { type: 'service', lifecycle: 'production' },
  },
  sources: {
    k8s: {
      status: 'ok',
      collectedAt: '2025-01-01T00:00:00Z',
      data: {
        replicas: 3,
        minReplicas: 2,
        image: 'registry.example.com/checkout:latest',
        tags: ['web', 'payments'],
        version: '1.10',
        selector: { app: 'checkout' },
        empty: [],
      },
    },
  },
};

/** Facts with lists, and a source that failed, for condition tests. */
export const listFacts: EntityFacts = {
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout' },
  },
  sources: {
    k8s: {
      status: 'ok',
      collectedAt: '2025-01-01T00:00:00Z',
      data: {
        replicas: 3,
        empty: [],
        containers: [
          {
            name: 'app',
            image: 'reg/app:1.0',
            ports: [{ containerPort: 8080 }],
          },
          { name: 'sidecar', image: 'reg/proxy:latest' },
        ],
        many: Array.from({ length: 15 }, (_, i) => ({
          name: `c${i}`,
          image: 'x:latest',
        })),
      },
    },
    down: { status: 'error', error: 'timeout' },
  },
};

/** Conditions that pass, fail and are unknown on {@link listFacts}, with their messages. */
export const P: Condition = { fact: 'k8s.replicas', gte: 1 };
export const F: Condition = { fact: 'k8s.replicas', gte: 5 };
export const U: Condition = { fact: 'down.x', exists: true };
export const PASS = 'k8s.replicas = 3 (>= 1)';
export const FAIL = 'k8s.replicas = 3, needs >= 5';
export const UNKNOWN = 'down facts could not be collected: timeout';
