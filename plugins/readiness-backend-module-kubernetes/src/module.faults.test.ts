import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
// The module is tested inside the plugin it extends, booted as a real backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import request from 'supertest';
import {
  component,
  FIXTURE_ENTITIES,
  referenceScorecardConfig,
} from './__testUtils__/demo';
import { fakeCatalogPlugin } from './__testUtils__/fakeCatalog';
import { deployment, exampleObjects } from './__testUtils__/objects';
import { ALL_CRD_GROUPS } from './__testUtils__/providers';
import {
  StandInApiServer,
  startStandInApiServer,
} from './__testUtils__/standInApiServer';
import { readinessModuleKubernetes } from './module';

/*
 * Cluster faults through the real backend: the stand-in API server of
 * prod-legacy goes down, gets slow, rejects the token, forbids, fails with
 * 500 or sends broken JSON, while prod-a keeps answering.
 */

const LEGACY = '/api/readiness/entities/component/default/legacy-reports';
const CHECKOUT = '/api/readiness/entities/component/default/checkout';
const checkout = component('checkout');

interface Fault {
  name: string;
  apply(cluster: StandInApiServer): Promise<void> | void;
  clear(cluster: StandInApiServer): Promise<void> | void;
  /** How /status names the cause (after `cluster prod-legacy: ` for entities). */
  cause: RegExp;
}

const FAULTS: Fault[] = [
  {
    name: 'down (connection refused)',
    apply: c => c.stop(),
    clear: c => c.start(),
    cause: /.*ECONNREFUSED/,
  },
  {
    name: 'slower than the cluster timeout',
    apply: c => c.update({ slowResources: { deployments: 3000 } }),
    clear: c => c.update({ slowResources: {} }),
    cause: /timed out after 0\.5s \(GET \/apis\/apps\/v1\/deployments\)/,
  },
  {
    name: 'rejecting the token with 401',
    apply: c => c.update({ token: 'rotated' }),
    clear: c => c.update({ token: 'backend-token' }),
    cause: /401 Unauthorized \(GET /,
  },
  {
    name: 'forbidding the lists with 403',
    apply: c => c.update({ forbidden: true }),
    clear: c => c.update({ forbidden: false }),
    cause: /403 Forbidden \(GET .*\): forbidden: User/,
  },
  {
    name: 'failing with 500',
    apply: c =>
      c.update({
        failWith: {
          code: 500,
          reason: 'InternalError',
          message: 'etcdserver: leader changed',
        },
      }),
    clear: c => c.update({ failWith: undefined }),
    cause: /500 Internal Server Error \(GET .*\): etcdserver: leader changed/,
  },
  {
    name: 'answering with malformed JSON',
    apply: c => c.update({ truncateLists: true }),
    clear: c => c.update({ truncateLists: false }),
    cause: /invalid JSON \(GET /,
  },
];

describe('readinessModuleKubernetes when a cluster fails', () => {
  let legacy: StandInApiServer;
  let good: StandInApiServer;

  beforeEach(async () => {
    legacy = await startStandInApiServer({
      objects: exampleObjects('prod-legacy'),
      token: 'backend-token',
      absentGroups: ALL_CRD_GROUPS,
    });
    good = await startStandInApiServer({
      objects: [
        deployment('checkout', 'shop', {
          'backstage.io/kubernetes-id': 'checkout',
        }),
      ],
      token: 'good-token',
      absentGroups: ALL_CRD_GROUPS,
    });
  });
  afterEach(async () => {
    await legacy.close();
    await good.close();
  });

  const start = () =>
    startTestBackend({
      features: [
        readinessPlugin,
        readinessModuleKubernetes,
        fakeCatalogPlugin([FIXTURE_ENTITIES.legacyReports, checkout]),
        mockServices.rootConfig.factory({
          data: {
            readiness: {
              defaultScorecard: { enabled: false },
              scorecards: [referenceScorecardConfig()],
              kubernetes: {
                cacheTtl: '0s',
                retry: { initialBackoff: '0s', maxBackoff: '0s' },
                clusters: [
                  {
                    name: 'prod-a',
                    environment: 'production',
                    url: good.url,
                    auth: { token: 'good-token' },
                    skipTLSVerify: true,
                    timeout: '500ms',
                  },
                  {
                    name: 'prod-legacy',
                    environment: 'production',
                    url: legacy.url,
                    auth: { token: 'backend-token' },
                    skipTLSVerify: true,
                    timeout: '500ms',
                  },
                ],
              },
            },
          },
        }),
      ],
    });

  type Check = {
    checkId: string;
    source: string;
    status: string;
    evidence: Array<{ message: string }>;
  };
  const kubernetesChecks = (body: any): Check[] =>
    body.scorecards[0].checks.filter((c: Check) => c.source === 'kubernetes');
  const statuses = (body: any) =>
    Object.fromEntries(kubernetesChecks(body).map(c => [c.checkId, c.status]));

  async function status(server: any) {
    const response = await request(server).get('/api/readiness/status');
    expect(response.status).toBe(200);
    const source = (id: string) =>
      response.body.sources.find((s: { source: string }) => s.source === id);
    const clusters = response.body.targets.find(
      (t: { provider: string }) => t.provider === 'kubernetes',
    ).targets;
    const cluster = (name: string) =>
      clusters.find((c: { name: string }) => c.name === name);
    return { source, cluster };
  }

  it.each(FAULTS)(
    'cluster $name: previous facts survive, prod-a goes on, /status names the cause, the next refresh after it clears is fresh',
    async fault => {
      const { server } = await start();
      const before = await request(server).post(`${LEGACY}/refresh`);
      expect(before.status).toBe(200);
      const known = statuses(before.body);
      expect(Object.values(known)).toContain('fail');

      await fault.apply(legacy);
      const during = await request(server).post(`${LEGACY}/refresh`);
      expect(during.status).toBe(200);
      expect(statuses(during.body)).toEqual(known);
      const other = await request(server).post(`${CHECKOUT}/refresh`);
      expect(other.status).toBe(200);
      expect(statuses(other.body)['k8s-workloads-discoverable']).toBe('pass');

      const failing = await status(server);
      expect(failing.source('kubernetes')).toMatchObject({
        entities: 2,
        failing: 1,
        lastError: expect.stringMatching(
          new RegExp(`^cluster prod-legacy: ${fault.cause.source}`),
        ),
      });
      expect(failing.source('catalog')).toMatchObject({ failing: 0 });
      expect(failing.cluster('prod-legacy')).toMatchObject({
        healthy: false,
        lastSuccessAt: expect.any(String),
        lastError: expect.stringMatching(new RegExp(`^${fault.cause.source}`)),
      });
      expect(failing.cluster('prod-a')).toMatchObject({ healthy: true });

      await fault.clear(legacy);
      const after = await request(server).post(`${LEGACY}/refresh`);
      expect(statuses(after.body)).toEqual(known);
      const recovered = await status(server);
      expect(recovered.source('kubernetes')).toMatchObject({
        failing: 0,
        lastError: null,
      });
      expect(recovered.cluster('prod-legacy')).toMatchObject({
        healthy: true,
      });
    },
  );

  it('a cluster failing before its first answer leaves the checks of its entities unknown, naming the cause, until it answers', async () => {
    const { server } = await start();
    legacy.update({ forbidden: true });
    const during = await request(server).post(`${LEGACY}/refresh`);
    const unknown = kubernetesChecks(during.body);
    expect(new Set(unknown.map(c => c.status))).toEqual(new Set(['unknown']));
    expect(unknown[0].evidence[0].message).toMatch(
      /kubernetes facts could not be collected: cluster prod-legacy: 403 Forbidden/,
    );

    legacy.update({ forbidden: false });
    const after = await request(server).post(`${LEGACY}/refresh`);
    expect(statuses(after.body)['k8s-min-replicas']).toBe('fail');
  });
});
