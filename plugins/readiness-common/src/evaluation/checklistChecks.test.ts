import { parseScorecardDocument } from '../definitions/parse';
import {
  checklistDefinitions,
  legacyFacts,
  paymentsFacts,
} from './__fixtures__/checklist';
import { evaluateScorecard } from './evaluateScorecard';

const [scorecard] = parseScorecardDocument(checklistDefinitions, {
  file: 'production-readiness.yaml',
});
const now = new Date('2025-06-01T00:00:00Z');

describe('checks from readiness-checklist.md on the legacy-reports fixture', () => {
  const { results, summary } = evaluateScorecard(scorecard, legacyFacts, {
    now,
  });
  const byId = Object.fromEntries(results.map(r => [r.checkId, r]));

  it.each([
    ['own-description', 'fail', 'metadata.description is missing'],
    ['own-tier', 'fail', 'metadata.annotations["readiness/tier"] is missing'],
    [
      'own-readme',
      'fail',
      'repository.files: no item passes (1 item); files[README.md]: text has 26 characters, needs at least 500; files[README.md]: text = "# legacy-reports\\nReports.\\n", does not match /^#+ .*(setup|getting started|development|local|build|run)/im',
    ],
    [
      'k8s-workloads-discoverable',
      'pass',
      'metadata.annotations["backstage.io/kubernetes-id"] is present; kubernetes.workloads has 1 matching item (>= 1)',
    ],
    [
      'k8s-min-replicas',
      'fail',
      'Deployment reports/legacy-reports: spec.replicas = 1, needs >= 2',
    ],
    [
      'k8s-image-tag-pinned',
      'fail',
      'Deployment reports/legacy-reports: container reports: image = "registry.example.com/legacy-reports:latest", does not match /@sha256:[0-9a-f]{64}$/; container reports: image = "registry.example.com/legacy-reports:latest" matches /:(latest|main|master|develop|dev|stable|edge|nightly|prod|production|staging)$/',
    ],
    [
      'res-pdb',
      'fail',
      'Deployment reports/legacy-reports: pdbs has 0 items, needs = 1',
    ],
    ['oncall-runbook-content', 'fail', 'No attestation recorded'],
  ])('%s is %s: %s', (checkId, status, message) => {
    expect(byId[checkId].status).toBe(status);
    expect(byId[checkId].evidence[0].message).toBe(message);
  });

  it('reaches no level', () => {
    expect(summary.level).toBeNull();
    expect(summary.score).toBe(12.5);
  });
});

describe('checks from readiness-checklist.md on healthy workloads', () => {
  const { results, summary } = evaluateScorecard(scorecard, paymentsFacts, {
    now,
    attestations: [
      {
        id: 'a1',
        entityRef: 'component:default/payments-api',
        checkId: 'oncall-runbook-content',
        attestedBy: 'user:default/alice',
        attestedAt: '2025-05-01T00:00:00Z',
        expiresAt: '2025-10-28T00:00:00Z',
        evidenceUrl: 'https://docs.example.com/payments-api/runbook',
      },
    ],
  });

  it('passes every check and reaches gold, which has no checks here', () => {
    expect(results.filter(r => r.status !== 'pass')).toEqual([]);
    expect(summary.level).toBe('gold');
    expect(summary.score).toBe(100);
  });

  it('uses the HPA minReplicas instead of spec.replicas', () => {
    const minReplicas = results.find(r => r.checkId === 'k8s-min-replicas')!;
    expect(minReplicas.evidence.map(e => e.message)).toEqual([
      'Rollout payments/payments-api: hpa.spec.minReplicas = 3 (>= 2)',
      'Deployment payments/payments-worker: spec.replicas = 2 (>= 2)',
    ]);
  });

  it('makes Kubernetes checks unknown when the cluster cannot be read', () => {
    const down = evaluateScorecard(
      scorecard,
      {
        ...paymentsFacts,
        sources: {
          ...paymentsFacts.sources,
          kubernetes: {
            status: 'error',
            error: 'prod-eu-west-1: 403 Forbidden',
          },
        },
      },
      { now },
    );
    const statuses = Object.fromEntries(
      down.results.map(r => [r.checkId, r.status]),
    );
    expect(statuses).toMatchObject({
      'k8s-workloads-discoverable': 'unknown',
      'k8s-min-replicas': 'unknown',
      'k8s-image-tag-pinned': 'unknown',
      'res-pdb': 'unknown',
      'own-description': 'pass',
    });
    expect(
      down.results.find(r => r.checkId === 'k8s-min-replicas')!.evidence[0]
        .message,
    ).toBe('Prerequisite check k8s-workloads-discoverable is unknown');
  });
});
