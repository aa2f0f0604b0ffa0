import { stringifyEntityRef } from '@backstage/catalog-model';
import { CheckStatus } from '@readiness/backstage-plugin-readiness-common';
import { KubernetesFacts } from './facts/types';
import {
  demoProvider,
  evaluateReference,
  FIXTURE_ENTITIES,
} from './__testUtils__/demo';

/** Statuses of the reference checks that are not `pass`. */
function notPassing(statuses: Record<string, CheckStatus>) {
  return Object.fromEntries(
    Object.entries(statuses).filter(([, s]) => s !== 'pass'),
  );
}

/**
 * examples/kubernetes holds the Kubernetes objects of the three fixture
 * services of readiness-checklist.md section 8. Read as manifests clusters
 * and judged by the reference conditions of all 34 Kubernetes checks, they
 * give the results the checklist expects.
 */
describe('the example clusters', () => {
  let results: Map<string, Record<string, CheckStatus>>;

  beforeAll(async () => {
    const entities = Object.values(FIXTURE_ENTITIES);
    const collected = await demoProvider().collect({ entities });
    results = new Map(
      entities.map(e => [
        e.metadata.name,
        evaluateReference(e, collected.get(stringifyEntityRef(e))),
      ]),
    );
  });

  it('reads the live state: the settlement export CronJob last succeeded and payments-api runs in three zones per region', async () => {
    const collected = await demoProvider().collect({
      entities: [FIXTURE_ENTITIES.paymentsApi],
    });
    const facts = collected.get('component:default/payments-api');
    if (facts?.status !== 'ok') throw new Error('expected facts');
    const data = facts.data as unknown as KubernetesFacts;
    expect(data.cronJobs[0]).toMatchObject({
      lastSuccessRecent: true,
      lastJob: { state: 'succeeded' },
    });
    expect(data.workloads.map(w => w.zoneSpread.podZones?.length)).toEqual([
      3, 3, 3,
    ]);
    expect(data.summary.productionRegions).toEqual([
      'eu-central-1',
      'eu-west-1',
    ]);
  });

  it('has 34 reference checks', () => {
    expect(Object.keys(results.get('payments-api')!)).toHaveLength(34);
  });

  it('let payments-api pass every Kubernetes check (gold), data-volume-backups not applicable', () => {
    expect(notPassing(results.get('payments-api')!)).toEqual({
      'data-volume-backups': 'not-applicable',
    });
  });

  it('let catalog-search pass bronze and silver except the exempted network policy, and fail four gold checks', () => {
    expect(notPassing(results.get('catalog-search')!)).toEqual({
      'k8s-cronjob-guardrails': 'not-applicable',
      'data-volume-backups': 'not-applicable',
      'sec-network-policy': 'fail',
      'cfg-same-image-across-envs': 'unknown',
      'mon-alerts-runbook-url': 'fail',
      'k8s-image-digest-pinned': 'fail',
      'res-multi-cluster': 'fail',
      'cicd-progressive-delivery': 'fail',
    });
  });

  it('let legacy-reports fail bronze, with monitoring and backups unknown in a cluster without CRDs', () => {
    const r = results.get('legacy-reports')!;
    expect(r).toMatchObject({
      'k8s-workloads-discoverable': 'pass',
      'mon-metrics-scraped': 'unknown',
      'mon-alert-rules': 'unknown',
      'k8s-min-replicas': 'fail',
      'k8s-readiness-probe': 'fail',
      'k8s-resource-requests': 'fail',
      'k8s-image-tag-pinned': 'fail',
      'k8s-workload-healthy': 'fail',
      'sec-run-as-non-root': 'fail',
      'sec-secrets-not-inline': 'fail',
      'sec-ingress-tls': 'fail',
      'res-no-pod-local-state': 'fail',
      'k8s-rolling-update-safe': 'fail',
      'k8s-cronjob-guardrails': 'fail',
      'data-volume-backups': 'unknown',
    });
  });
});
