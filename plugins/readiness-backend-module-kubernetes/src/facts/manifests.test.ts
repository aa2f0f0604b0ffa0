import { component } from '../__testUtils__/demo';
import { exampleObjects } from '../__testUtils__/objects';
import {
  kubernetesFactsFromManifests,
  parseManifests,
  snapshotFromManifests,
} from './manifests';

const payments = component('payments-api');

/** The example objects without status and Pods: what a GitOps repository renders. */
function rendered(cluster: string) {
  return exampleObjects(cluster)
    .filter(
      o => o.kind !== 'Pod' && o.kind !== 'EndpointSlice' && o.kind !== 'Node',
    )
    .map(({ status: _status, ...rest }) => rest);
}

describe('kubernetesFactsFromManifests', () => {
  it('builds the same facts shape from rendered manifests, with live-only facts null', () => {
    const facts = kubernetesFactsFromManifests({
      entity: payments,
      clusters: [{ manifests: rendered('prod-eu-west-1') }],
    });
    expect(facts.clusters).toEqual([
      expect.objectContaining({
        name: 'manifests',
        environment: 'production',
        type: 'manifests',
        live: false,
        status: 'ok',
      }),
    ]);
    const [rollout] = facts.workloads;
    expect(rollout).toMatchObject({
      kind: 'Rollout',
      minReplicas: 3,
      minReplicasSource: 'HorizontalPodAutoscaler',
      health: null,
      pods: null,
      pdbs: [{ name: 'payments-api', allowedDisruptions: 1 }],
      scraping: { serviceMonitors: ['payments-api'], scraped: true },
      zoneSpread: { templateSpreadsZones: true, podZones: null },
    });
    const app = facts.containers.find(c => c.name === 'app')!;
    expect(app).toMatchObject({
      serving: true,
      runningDigests: null,
      promotion: null,
      resources: {
        memoryRequestBytes: 768 * 2 ** 20,
        memoryLimitBytes: 768 * 2 ** 20,
      },
      image: { repository: 'registry.example.com/payments-api', tag: '2.14.1' },
    });
    expect(facts.cronJobs[0].lastSuccessRecent).toBeNull();
    expect(facts.summary).toMatchObject({
      discoverable: true,
      productionRegions: null,
    });
  });

  it('treats custom resources as not installed unless present, defined by a CRD or declared', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'keda.sh',
        names: { kind: 'ScaledObject', plural: 'scaledobjects' },
      },
    };
    const snapshot = snapshotFromManifests(
      [...rendered('prod-eu-west-1'), crd],
      { installed: ['velero.io'] },
    );
    expect(snapshot.notInstalled).not.toContain('serviceMonitors');
    expect(snapshot.notInstalled).not.toContain('scaledObjects');
    expect(snapshot.notInstalled).not.toContain('veleroSchedules');
    expect(snapshot.notInstalled).toContain('canaries');
  });

  it('reads multi-document YAML and kubectl List output', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: { name: a, namespace: n, labels: { backstage.io/kubernetes-id: payments-api } }\n---\n\n---\napiVersion: v1\nkind: Service\nmetadata: { name: b, namespace: n }\n`;
    const snapshot = snapshotFromManifests(parseManifests(text));
    expect(snapshot.objects.deployments?.map(d => d.metadata?.name)).toEqual([
      'a',
    ]);
    expect(snapshot.objects.services?.map(d => d.metadata?.name)).toEqual([
      'b',
    ]);
    expect(() => parseManifests('a: [', 'broken.yaml')).toThrow(/broken.yaml/);
  });
});
