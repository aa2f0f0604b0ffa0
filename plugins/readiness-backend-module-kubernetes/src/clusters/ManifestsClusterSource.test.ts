import { REPO_ROOT } from '../__testUtils__/demo';
import { ManifestsClusterSource } from './ManifestsClusterSource';

describe('ManifestsClusterSource', () => {
  it('reads every YAML file under the examples directory of a cluster, relative to the working directory', async () => {
    const source = new ManifestsClusterSource(
      {
        type: 'manifests',
        name: 'prod-legacy',
        environment: 'production',
        path: 'examples/kubernetes/prod-legacy',
        live: true,
        relativeTimes: true,
        installed: [],
        observedForMs: 0,
        annotationScraping: false,
        namespaceEnvironments: {},
        podSpecSource: 'template',
      },
      REPO_ROOT,
    );
    const { snapshot, calls } = await source.list();
    expect(calls.total).toBe(0);
    // The fixture and the two demo services that reuse its manifests.
    expect(snapshot.objects.deployments?.map(d => d.metadata?.name)).toEqual([
      'notification-hub',
      'legacy-reports',
      'warehouse-sync',
    ]);
    expect(snapshot.objects.nodes).toHaveLength(1);
    const [pod] = snapshot.objects.pods ?? [];
    const finishedAt = (pod.status as any).containerStatuses[0].lastState
      .terminated.finishedAt;
    expect(Date.now() - Date.parse(finishedAt)).toBeGreaterThan(
      2.9 * 3_600_000,
    );
    expect(snapshot.notInstalled).toContain('serviceMonitors');
  });

  it('fails with the path when the directory is missing', async () => {
    const source = new ManifestsClusterSource(
      {
        type: 'manifests',
        name: 'x',
        environment: 'production',
        path: 'does/not/exist',
        live: false,
        relativeTimes: false,
        installed: [],
        observedForMs: 0,
        annotationScraping: false,
        namespaceEnvironments: {},
        podSpecSource: 'template',
      },
      REPO_ROOT,
    );
    await expect(source.list()).rejects.toThrow(/does\/not\/exist/);
  });
});
