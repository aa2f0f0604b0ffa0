import type { CheckDefinition, Scorecard } from '../definitions/types';
import type { EntityFacts } from '../facts/types';
import { evaluateScorecard, evaluationOrder } from './evaluateScorecard';

const now = new Date('2025-06-01T00:00:00Z');

function check(
  id: string,
  overrides: Partial<CheckDefinition> = {},
): CheckDefinition {
  return {
    id,
    title: id,
    category: 'Kubernetes',
    level: 'bronze',
    description: id,
    source: 'kubernetes',
    condition: { fact: 'kubernetes.workloads', minLength: 1 },
    ...overrides,
  };
}

// The dependent check comes first: evaluation must reorder.
const scorecard: Scorecard = {
  id: 'production-readiness',
  title: 'Production readiness',
  levels: ['bronze', 'silver'],
  checks: [
    check('k8s-min-replicas', {
      requires: ['k8s-workloads-discoverable'],
      forEach: { in: 'kubernetes.workloads' },
      condition: { fact: '$.spec.replicas', gte: 2 },
    }),
    check('k8s-workloads-discoverable'),
    check('res-pdb', { level: 'silver', requires: ['k8s-min-replicas'] }),
  ],
};

function facts(workloads: unknown[]): EntityFacts {
  return {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout' },
    },
    sources: {
      kubernetes: {
        status: 'ok',
        collectedAt: '2025-06-01T00:00:00Z',
        data: { workloads },
      },
    },
  };
}

describe('evaluateScorecard', () => {
  it('evaluates prerequisites first and returns results in definition order', () => {
    const { results } = evaluateScorecard(
      scorecard,
      facts([
        {
          kind: 'Deployment',
          metadata: { namespace: 'shop', name: 'checkout' },
          spec: { replicas: 3 },
        },
      ]),
      { now },
    );
    expect(results.map(r => [r.checkId, r.status])).toEqual([
      ['k8s-min-replicas', 'pass'],
      ['k8s-workloads-discoverable', 'pass'],
      ['res-pdb', 'pass'],
    ]);
  });

  it('makes dependants unknown, transitively, when a prerequisite fails', () => {
    const { results, summary } = evaluateScorecard(scorecard, facts([]), {
      now,
    });
    expect(
      results.map(r => [r.checkId, r.status, r.evidence[0].message]),
    ).toEqual([
      [
        'k8s-min-replicas',
        'unknown',
        'Prerequisite check k8s-workloads-discoverable is fail',
      ],
      [
        'k8s-workloads-discoverable',
        'fail',
        'kubernetes.workloads has 0 items, needs at least 1',
      ],
      ['res-pdb', 'unknown', 'Prerequisite check k8s-min-replicas is unknown'],
    ]);
    expect(summary.level).toBeNull();
    expect(summary.counts).toMatchObject({ fail: 1, unknown: 2 });
  });

  it('lets an exempt prerequisite unblock its dependants', () => {
    const { results } = evaluateScorecard(
      scorecard,
      facts([
        {
          kind: 'Deployment',
          metadata: { namespace: 'shop', name: 'leader' },
          spec: { replicas: 1 },
        },
      ]),
      {
        now,
        exemptions: [
          {
            id: 'e1',
            entityRef: 'component:default/checkout',
            checkId: 'k8s-min-replicas',
            grantedBy: 'user:default/lead',
            grantedAt: '2025-05-01T00:00:00Z',
            expiresAt: '2025-07-01T00:00:00Z',
            reason: 'singleton',
          },
        ],
      },
    );
    expect(results.map(r => r.status)).toEqual(['exempt', 'pass', 'pass']);
  });

  it('makes checks on a requires cycle unknown', () => {
    const cyclic: Scorecard = {
      ...scorecard,
      checks: [
        check('a', { requires: ['b'] }),
        check('b', { requires: ['a'] }),
        check('c'),
      ],
    };
    expect(evaluationOrder(cyclic.checks).cyclic.map(c => c.id)).toEqual([
      'a',
      'b',
    ]);
    const { results } = evaluateScorecard(cyclic, facts([{}]), { now });
    expect(results.map(r => r.status)).toEqual(['unknown', 'unknown', 'pass']);
  });
});
