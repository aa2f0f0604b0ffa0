import { component } from './__testUtils__/demo';
import { deployment, exampleObjects } from './__testUtils__/objects';
import {
  ALL_CRD_GROUPS,
  okFacts,
  providerFromConfig,
} from './__testUtils__/providers';
import {
  StandInApiServer,
  startStandInApiServer,
} from './__testUtils__/standInApiServer';

const checkout = component('checkout');
const reports = component('legacy-reports');
const unannotated = {
  ...component('wiki'),
  metadata: { name: 'wiki', namespace: 'default' },
};

describe('KubernetesFactProvider when clusters fail', () => {
  let good: StandInApiServer;
  let other: StandInApiServer;

  beforeEach(async () => {
    good = await startStandInApiServer({
      objects: [
        deployment('checkout', 'shop', {
          'backstage.io/kubernetes-id': 'checkout',
        }),
      ],
      token: 'good',
    });
    other = await startStandInApiServer({
      objects: exampleObjects('prod-legacy'),
      token: 'other',
      absentGroups: ALL_CRD_GROUPS,
    });
  });
  afterEach(async () => {
    await good.close();
    await other.close();
  });

  const clusters = (otherOverrides: Record<string, unknown> = {}) => [
    {
      name: 'prod-a',
      environment: 'production',
      url: good.url,
      skipTLSVerify: true,
      auth: { token: 'good' },
    },
    {
      name: 'prod-legacy',
      environment: 'production',
      url: other.url,
      skipTLSVerify: true,
      auth: { token: 'other' },
      timeout: '300ms',
      ...otherOverrides,
    },
  ];

  it('treats a cluster without any custom resource definitions as healthy, with the facts that need them null', async () => {
    const { provider } = providerFromConfig({ clusters: clusters() });
    const result = await provider.collect({ entities: [reports] });
    const facts = okFacts(result.get('component:default/legacy-reports'));
    expect(facts.clusters.find(c => c.name === 'prod-legacy')).toMatchObject({
      status: 'ok',
      installed: expect.objectContaining({
        serviceMonitors: false,
        prometheusRules: false,
        veleroSchedules: false,
      }),
    });
    expect(facts.workloads[0].scraping.scraped).toBeNull();
    expect(facts.alertRules).toBeNull();
    expect(facts.workloads[0].volumeBackup).toEqual({
      required: true,
      covered: null,
      via: [],
    });
  });

  it('on 403, fails the entities that had objects in that cluster, keeps the others ok and shows it in status()', async () => {
    const { provider } = providerFromConfig({
      clusters: clusters(),
      cacheTtl: '0s',
      retry: { initialBackoff: '0s' },
    });
    await provider.collect({ entities: [checkout, reports] });
    other.update({ forbidden: true });

    const result = await provider.collect({
      entities: [checkout, reports, unannotated],
    });
    expect(result.get('component:default/legacy-reports')).toEqual({
      status: 'error',
      error: expect.stringMatching(
        /^cluster prod-legacy: 403 Forbidden \(GET \/apis\/apps\/v1\/\w+\): forbidden: User/,
      ),
    });
    const facts = okFacts(result.get('component:default/checkout'));
    expect(facts.workloads.map(w => w.name)).toEqual(['checkout']);
    expect(facts.clusters.find(c => c.name === 'prod-legacy')).toMatchObject({
      status: 'error',
      error: expect.stringContaining('403 Forbidden'),
    });
    expect(result.get('component:default/wiki')?.status).toBe('ok');
    expect(await provider.status()).toEqual([
      expect.objectContaining({ name: 'prod-a', healthy: true }),
      expect.objectContaining({
        name: 'prod-legacy',
        healthy: false,
        lastSuccessAt: expect.any(String),
        lastError: expect.stringContaining('403 Forbidden'),
      }),
    ]);
  });

  it('fails every annotated entity for a cluster that never answered, since any of them may live there', async () => {
    other.update({ forbidden: true });
    const { provider } = providerFromConfig({ clusters: clusters() });
    const result = await provider.collect({
      entities: [checkout, unannotated],
    });
    expect(result.get('component:default/checkout')).toMatchObject({
      status: 'error',
      error: expect.stringContaining('cluster prod-legacy: 403 Forbidden'),
    });
    expect(result.get('component:default/wiki')?.status).toBe('ok');
  });

  it('gives up on a slow cluster after its timeout while the other cluster goes on', async () => {
    const { provider } = providerFromConfig({
      clusters: clusters(),
      cacheTtl: '0s',
      retry: { initialBackoff: '0s' },
    });
    await provider.collect({ entities: [checkout, reports] });
    other.update({ slowResources: { pods: 3000 } });
    const started = Date.now();
    const result = await provider.collect({ entities: [checkout, reports] });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result.get('component:default/legacy-reports')).toEqual({
      status: 'error',
      error: 'cluster prod-legacy: timed out after 0.3s (GET /api/v1/pods)',
    });
    expect(result.get('component:default/checkout')?.status).toBe('ok');
  });

  it('stops listing when the caller aborts', async () => {
    other.update({ slowResources: { pods: 3000 } });
    const { provider } = providerFromConfig({
      clusters: clusters({ timeout: '10s' }),
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await provider.collect({
      entities: [reports],
      signal: controller.signal,
    });
    expect(result.get('component:default/legacy-reports')).toMatchObject({
      status: 'error',
      error: expect.stringContaining('aborted'),
    });
  });

  it('reports 401 for a wrong token', async () => {
    const { provider } = providerFromConfig({
      clusters: clusters({ auth: { token: 'stale' } }),
    });
    const result = await provider.collect({ entities: [reports] });
    expect(result.get('component:default/legacy-reports')).toMatchObject({
      status: 'error',
      error: expect.stringContaining('cluster prod-legacy: 401 Unauthorized'),
    });
  });

  it('waits for the backoff before asking a failing cluster again', async () => {
    let now = 0;
    other.update({ forbidden: true });
    const { provider } = providerFromConfig(
      {
        clusters: clusters(),
        cacheTtl: '0s',
        retry: { initialBackoff: '30s', maxBackoff: '10m' },
      },
      () => now,
    );
    await provider.collect({ entities: [reports] });
    const asked = other.requests.length;
    now += 10_000;
    await provider.collect({ entities: [reports] });
    expect(other.requests.length).toBe(asked);
    now += 25_000;
    await provider.collect({ entities: [reports] });
    expect(other.requests.length).toBeGreaterThan(asked);
  });
});
