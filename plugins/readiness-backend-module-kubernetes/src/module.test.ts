import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
// The module is tested inside the plugin it extends, booted as a real backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import request from 'supertest';
import {
  FIXTURE_ENTITIES,
  referenceScorecardConfig,
} from './__testUtils__/demo';
import { fakeCatalogPlugin } from './__testUtils__/fakeCatalog';
import { exampleObjects } from './__testUtils__/objects';
import { ALL_CRD_GROUPS } from './__testUtils__/providers';
import {
  StandInApiServer,
  startStandInApiServer,
} from './__testUtils__/standInApiServer';
import { readinessModuleKubernetes } from './module';

const ENTITY = '/api/readiness/entities/component/default/legacy-reports';

describe('readinessModuleKubernetes in the readiness backend', () => {
  let cluster: StandInApiServer;

  beforeAll(async () => {
    cluster = await startStandInApiServer({
      objects: exampleObjects('prod-legacy'),
      token: 'backend-token',
      absentGroups: ALL_CRD_GROUPS,
    });
  });
  afterAll(() => cluster.close());

  const start = () =>
    startTestBackend({
      features: [
        readinessPlugin,
        readinessModuleKubernetes,
        fakeCatalogPlugin([FIXTURE_ENTITIES.legacyReports]),
        mockServices.rootConfig.factory({
          data: {
            readiness: {
              defaultScorecard: { enabled: false },
              scorecards: [referenceScorecardConfig()],
              kubernetes: {
                clusters: [
                  {
                    name: 'prod-legacy',
                    environment: 'production',
                    region: 'eu-west-1',
                    url: cluster.url,
                    skipTLSVerify: true,
                    auth: { token: 'backend-token' },
                  },
                ],
              },
            },
          },
        }),
      ],
    });

  it('registers the kubernetes fact provider', async () => {
    const { server } = await start();
    const response = await request(server).get('/api/readiness/health');
    expect(response.status).toBe(200);
    expect(response.body.factProviders).toEqual(['kubernetes']);
  });

  it('refreshes an entity from a cluster and serves its Kubernetes results with evidence', async () => {
    const { server } = await start();
    const refreshed = await request(server).post(`${ENTITY}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(cluster.listCalls().deployments).toBeGreaterThanOrEqual(1);

    const read = await request(server).get(ENTITY);
    expect(read.status).toBe(200);
    const checks = read.body.scorecards[0].checks as Array<{
      checkId: string;
      status: string;
      evidence: any[];
    }>;
    const byId = Object.fromEntries(checks.map(c => [c.checkId, c]));
    expect(byId['k8s-workloads-discoverable'].status).toBe('pass');
    expect(byId['k8s-min-replicas']).toMatchObject({
      status: 'fail',
      evidence: [
        expect.objectContaining({
          object: 'Deployment reports/legacy-reports in prod-legacy',
          message: expect.stringContaining('minReplicas = 1, needs >= 2'),
        }),
      ],
    });
    expect(byId['mon-metrics-scraped'].status).toBe('unknown');
    expect(byId['sec-secrets-not-inline'].status).toBe('fail');
  });

  it('shows the cluster in /api/readiness/status', async () => {
    const { server } = await start();
    await request(server).post(`${ENTITY}/refresh`).expect(200);
    const status = await request(server).get('/api/readiness/status');
    expect(status.status).toBe(200);
    expect(status.body.targets).toEqual(
      expect.arrayContaining([
        {
          provider: 'kubernetes',
          targets: [
            expect.objectContaining({ name: 'prod-legacy', healthy: true }),
          ],
        },
      ]),
    );
  });
});
