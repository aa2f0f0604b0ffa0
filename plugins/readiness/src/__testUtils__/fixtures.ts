import { Entity } from '@backstage/catalog-model';
import type {
  EntityCheckResult,
  EntityReadiness,
  EntityScorecard,
  Scorecard,
  StatusCounts,
} from '@readiness/backstage-plugin-readiness-common';
import { ResponseError } from '@backstage/errors';
import { ReadinessApi } from '../api';

/** Test data only; never imported by production code. */

export const NOW = new Date();
const hoursAgo = (h: number) =>
  new Date(NOW.getTime() - h * 60 * 60 * 1000).toISOString();

export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-payments' }],
};

export const teamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export function check(
  overrides: Partial<EntityCheckResult> & Pick<EntityCheckResult, 'checkId'>,
): EntityCheckResult {
  return {
    title: overrides.checkId,
    category: 'Kubernetes',
    level: 'bronze',
    description: 'A description.',
    source: 'kubernetes',
    status: 'pass',
    evidence: [],
    evaluatedAt: hoursAgo(2),
    changedAt: hoursAgo(50),
    ...overrides,
  };
}

export const replicasCheck = check({
  checkId: 'k8s-replicas',
  title: 'Runs at least two replicas',
  category: 'Kubernetes',
  level: 'bronze',
  status: 'fail',
  evidence: [
    {
      object: 'deployment payments/checkout',
      status: 'fail',
      message: 'deployment payments/checkout runs 1 replica, 2 required',
    },
  ],
  remediation: {
    text: 'Set `spec.replicas` to 2 or more.',
    link: 'https://example.com/replicas',
  },
});

export const runbookCheck = check({
  checkId: 'runbook-reviewed',
  title: 'Runbook reviewed',
  category: 'Operations',
  level: 'silver',
  source: 'attestation',
  status: 'fail',
  evidence: [
    { status: 'fail', message: 'No attestation of this check is on record' },
  ],
});

export const ownerCheck = check({
  checkId: 'own-owner',
  title: 'Has an owning team',
  category: 'Ownership',
  level: 'bronze',
  source: 'catalog',
  status: 'pass',
  evidence: [
    { status: 'pass', message: 'Owned by group:default/team-payments' },
  ],
});

export const probeCheck = check({
  checkId: 'k8s-probes',
  title: 'Has readiness probes',
  category: 'Kubernetes',
  level: 'silver',
  status: 'unknown',
  evidence: [{ status: 'unknown', message: 'Cluster prod-eu unreachable' }],
  evaluatedAt: hoursAgo(24 * 10),
});

function countsOf(checks: EntityCheckResult[]): StatusCounts {
  const counts: StatusCounts = {
    pass: 0,
    fail: 0,
    unknown: 0,
    exempt: 0,
    'not-applicable': 0,
  };
  checks.forEach(c => counts[c.status]++);
  return counts;
}

export function scorecardOf(
  checks: EntityCheckResult[],
  overrides: Partial<EntityScorecard> = {},
): EntityScorecard {
  return {
    scorecardId: 'default',
    title: 'Production readiness',
    levels: ['bronze', 'silver', 'gold'],
    level: null,
    score: 25,
    counts: countsOf(checks),
    targetLevel: 'silver',
    nextLevel: {
      level: 'bronze',
      blockingCheckIds: checks
        .filter(c => c.level === 'bronze' && c.status === 'fail')
        .map(c => c.checkId),
    },
    categories: {
      Kubernetes: {
        score: 0,
        counts: countsOf(checks.filter(c => c.category === 'Kubernetes')),
      },
      Operations: {
        score: 0,
        counts: countsOf(checks.filter(c => c.category === 'Operations')),
      },
      Ownership: {
        score: 100,
        counts: countsOf(checks.filter(c => c.category === 'Ownership')),
      },
    },
    evaluatedAt: hoursAgo(2),
    checks,
    ...overrides,
  };
}

export const paymentsReadiness: EntityReadiness = {
  entityRef: 'component:default/payments-api',
  scorecards: [
    scorecardOf([replicasCheck, runbookCheck, ownerCheck, probeCheck]),
  ],
};

export const scorecardDefinition: Scorecard = {
  id: 'default',
  title: 'Production readiness',
  levels: ['bronze', 'silver', 'gold'],
  checks: [
    {
      id: 'k8s-replicas',
      title: 'Runs at least two replicas',
      category: 'Kubernetes',
      level: 'bronze',
      description: 'Two replicas.',
      source: 'kubernetes',
      remediation: { text: 'Set spec.replicas to 2.' },
    },
    {
      id: 'runbook-reviewed',
      title: 'Runbook reviewed',
      category: 'Operations',
      level: 'silver',
      description: 'A reviewed runbook.',
      source: 'attestation',
      attestation: { expiryDays: 90 },
    },
  ],
};

/** A readiness API whose every method fails unless a test provides it. */
export function mockReadinessApi(
  overrides: Partial<ReadinessApi> = {},
): jest.Mocked<ReadinessApi> {
  const fail = (name: string) =>
    jest.fn(async () => {
      throw new Error(`${name} not mocked`);
    });
  const api = {
    getHealth: fail('getHealth'),
    getStatus: fail('getStatus'),
    getScorecards: jest.fn(async () => [scorecardDefinition]),
    getEntityReadiness: fail('getEntityReadiness'),
    getEntityHistory: jest.fn(async () => []),
    refreshEntity: fail('refreshEntity'),
    createAttestation: fail('createAttestation'),
    createExemption: fail('createExemption'),
    revokeExemption: fail('revokeExemption'),
    revokeAttestation: fail('revokeAttestation'),
    getAuditTrail: jest.fn(async () => []),
    getOverview: fail('getOverview'),
    listEntityScores: fail('listEntityScores'),
    getTrend: jest.fn(async () => []),
    getCheckResults: fail('getCheckResults'),
    exportResults: fail('exportResults'),
  } as unknown as jest.Mocked<ReadinessApi>;
  for (const [key, value] of Object.entries(overrides)) {
    (api as any)[key] = jest.fn(value as any);
  }
  return api;
}

const ERROR_NAMES: Record<number, string> = {
  400: 'InputError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
};

/** The `ResponseError` the client throws for a Backstage error body. */
export async function responseError(
  statusCode: number,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: ERROR_NAMES[statusCode] ?? 'Error', message },
        request: { method: 'GET', url: '/api/readiness' },
        response: { statusCode },
      }),
      { status: statusCode, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}
