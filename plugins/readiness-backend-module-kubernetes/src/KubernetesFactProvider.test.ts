import { stringifyEntityRef } from '@backstage/catalog-model';
import { component, withoutKubernetesId } from './__testUtils__/demo';
import {
  deployment,
  exampleObjects,
  fillerDeployments,
} from './__testUtils__/objects';
import { okFacts, providerFromConfig } from './__testUtils__/providers';
import {
  StandInApiServer,
  startStandInApiServer,
} from './__testUtils__/standInApiServer';
import { selfSignedCertificate } from './__testUtils__/tls';
import { KINDS } from './facts/kinds';

const TOKEN = 'prod-token';
const PAGE_SIZE = 5;

/** Objects of three entities matched in the three ways of the Backstage Kubernetes plugin. */
const MATCHING_OBJECTS = [
  deployment('checkout', 'shop', { 'backstage.io/kubernetes-id': 'checkout' }),
  deployment('search-api', 'search', {
    'app.kubernetes.io/part-of': 'search',
    tier: 'api',
  }),
  deployment('search-worker', 'search', {
    'app.kubernetes.io/part-of': 'search',
    tier: 'worker',
  }),
  deployment('orders', 'orders', { 'backstage.io/kubernetes-id': 'orders' }),
  deployment('orders', 'orders-sandbox', {
    'backstage.io/kubernetes-id': 'orders',
  }),
];

const checkout = component('checkout');
const search = withoutKubernetesId(
  component('search', {
    'backstage.io/kubernetes-label-selector':
      'app.kubernetes.io/part-of=search,tier in (api)',
  }),
);
const orders = component('orders', {
  'backstage.io/kubernetes-namespace': 'orders',
});

describe('KubernetesFactProvider over HTTP', () => {
  let server: StandInApiServer;
  let tls: { key: string; cert: string };

  beforeAll(async () => {
    tls = selfSignedCertificate();
    server = await startStandInApiServer({
      objects: [
        ...exampleObjects('prod-eu-west-1'),
        ...MATCHING_OBJECTS,
        ...fillerDeployments(12),
      ],
      token: TOKEN,
      tls,
      absentGroups: [
        'keda.sh',
        'flagger.app',
        'postgresql.cnpg.io',
        'cilium.io',
        'projectcalico.org',
        'gateway.networking.k8s.io',
      ],
    });
  });
  afterAll(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const cluster = () => ({
    name: 'prod-eu-west-1',
    environment: 'production',
    region: 'eu-west-1',
    url: server.url,
    auth: { token: TOKEN },
    caData: Buffer.from(tls.cert).toString('base64'),
    timeout: '5s',
  });

  it('matches workloads by the kubernetes-id label, the label-selector annotation and the namespace annotation', async () => {
    const { provider } = providerFromConfig({ clusters: [cluster()] });
    const result = await provider.collect({
      entities: [checkout, search, orders],
    });
    const names = (e: typeof checkout) =>
      okFacts(result.get(stringifyEntityRef(e))).workloads.map(
        w => `${w.namespace}/${w.name}`,
      );
    expect(names(checkout)).toEqual(['shop/checkout']);
    expect(names(search)).toEqual(['search/search-api']);
    expect(names(orders)).toEqual(['orders/orders']);
    expect(
      okFacts(result.get(stringifyEntityRef(search))).selector,
    ).toMatchObject({
      annotated: true,
      labelSelector: 'app.kubernetes.io/part-of=search,tier=api',
    });
  });

  it('reads a CA-verified TLS cluster with one paginated LIST per kind, whatever the number of entities', async () => {
    const { provider } = providerFromConfig({
      clusters: [cluster()],
      pageSize: PAGE_SIZE,
    });
    const entities = Array.from({ length: 120 }, (_, i) =>
      component(`service-${i}`),
    );
    for (let batch = 0; batch < 3; batch++) {
      await provider.collect({
        entities: entities.slice(batch * 40, batch * 40 + 40),
      });
    }
    const calls = server.listCalls();
    // The matching objects, 12 fillers and catalog-search from the example, 5 per page.
    const deployments = MATCHING_OBJECTS.length + 12 + 1;
    expect(calls.deployments).toBe(Math.ceil(deployments / PAGE_SIZE));
    expect(calls.pods).toBe(Math.ceil(6 / PAGE_SIZE));
    expect(calls.rollouts).toBe(1);
    expect(calls.scaledobjects).toBe(1);
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    const [status] = await provider.status();
    expect(status).toMatchObject({ name: 'prod-eu-west-1', healthy: true });
    expect(status.details?.apiCallsOfLastListing).toBe(total);
    expect(total).toBe(
      KINDS.length + (calls.deployments - 1) + (calls.pods - 1),
    );
    expect(total).toBe(37);
    expect(
      server.requests.every(
        r => r.authorized && r.query.limit === String(PAGE_SIZE),
      ),
    ).toBe(true);
  });

  it('makes one LIST request per kind per refresh for 1, 50 or 150 entities, per namespace when limited', async () => {
    const { provider } = providerFromConfig({
      clusters: [cluster()],
      cacheTtl: '0s',
    });
    const requestsOf = async (n: number) => {
      const before = server.requests.length;
      await provider.collect({
        entities: Array.from({ length: n }, (_, i) => component(`s-${i}`)),
      });
      return server.requests.length - before;
    };
    expect([
      await requestsOf(1),
      await requestsOf(50),
      await requestsOf(150),
    ]).toEqual([KINDS.length, KINDS.length, KINDS.length]);
    expect(KINDS.length).toBe(33);

    const limited = providerFromConfig({
      clusters: [{ ...cluster(), namespaces: ['payments', 'discovery'] }],
    }).provider;
    const before = server.requests.length;
    await limited.collect({ entities: [checkout] });
    const clusterScoped = KINDS.filter(k => !k.namespaced).length;
    expect(server.requests.length - before).toBe(
      2 * (KINDS.length - clusterScoped) + clusterScoped,
    );
    expect(clusterScoped).toBe(3);
  });

  it('reuses a listing within cacheTtl and lists again after it', async () => {
    let now = 1_000_000;
    const { provider } = providerFromConfig(
      { clusters: [cluster()], cacheTtl: '1m' },
      () => now,
    );
    await provider.collect({ entities: [checkout] });
    const first = server.requests.length;
    now += 30_000;
    await provider.collect({ entities: [orders] });
    expect(server.requests.length).toBe(first);
    now += 60_000;
    await provider.collect({ entities: [orders] });
    expect(server.requests.length).toBe(2 * first);
  });

  it('reports custom resources the cluster does not serve as not installed, without failing', async () => {
    const { provider } = providerFromConfig({ clusters: [cluster()] });
    const result = await provider.collect({
      entities: [component('payments-api')],
    });
    const facts = okFacts(result.get('component:default/payments-api'));
    expect(facts.clusters[0]).toMatchObject({
      status: 'ok',
      installed: expect.objectContaining({
        serviceMonitors: true,
        rollouts: true,
        scaledObjects: false,
        httpRoutes: false,
      }),
    });
    expect(facts.httpRoutes).toBeNull();
    const [status] = await provider.status();
    expect(status.details?.notInstalled).toEqual(
      expect.arrayContaining([
        'scaledObjects',
        'canaries',
        'cnpgBackups',
        'httpRoutes',
      ]),
    );
  });

  it('reads the token from an environment variable at request time', async () => {
    process.env.READINESS_TEST_K8S_TOKEN = TOKEN;
    const { provider } = providerFromConfig({
      clusters: [
        { ...cluster(), auth: { tokenEnv: 'READINESS_TEST_K8S_TOKEN' } },
      ],
    });
    const result = await provider.collect({ entities: [checkout] });
    expect(result.get('component:default/checkout')?.status).toBe('ok');
    delete process.env.READINESS_TEST_K8S_TOKEN;
  });
});
