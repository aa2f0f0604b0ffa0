import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { testEntity, testScorecard } from './__testUtils__/fixtures';
import { readinessPlugin } from './plugin';

/** A provider whose answer the test changes between refreshes. */
let clusterAnswer: () => Promise<Record<string, unknown>>;

const testProviderModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'test-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider({
          id: 'test-cluster',
          collect: async ({ entities }) => {
            const data = await clusterAnswer();
            return new Map(
              entities.map(e => [
                stringifyEntityRef(e),
                { status: 'ok' as const, data },
              ]),
            );
          },
        });
      },
    });
  },
});

async function startBackend() {
  return startTestBackend({
    features: [
      readinessPlugin,
      testProviderModule,
      catalogServiceMock.factory({ entities: [testEntity] }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            defaultScorecard: { enabled: false },
            scorecards: [testScorecard as unknown as JsonObject],
          },
        },
      }),
    ],
  });
}

const ENTITY = '/api/readiness/entities/component/default/checkout';

describe('readinessPlugin', () => {
  it('serves /api/readiness/health without credentials, listing module providers', async () => {
    clusterAnswer = async () => ({});
    const { server } = await startBackend();
    const response = await request(server).get('/api/readiness/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: { reachable: true },
      factProviders: ['test-cluster'],
    });
  });

  it('refreshes an entity, then serves its level, evidence and history over HTTP', async () => {
    clusterAnswer = async () => ({
      workloads: [
        {
          kind: 'Deployment',
          namespace: 'shop',
          name: 'checkout',
          replicas: 1,
        },
      ],
    });
    const { server } = await startBackend();

    const refreshed = await request(server).post(`${ENTITY}/refresh`);
    expect(refreshed.status).toBe(200);
    const [scorecard] = refreshed.body.scorecards;
    expect(scorecard.level).toBeNull();
    const replicas = scorecard.checks.find(
      (c: { checkId: string }) => c.checkId === 'k8s-min-replicas',
    );
    expect(replicas.status).toBe('fail');
    expect(replicas.evidence[0]).toMatchObject({
      object: 'Deployment shop/checkout',
      status: 'fail',
    });

    clusterAnswer = async () => ({
      workloads: [
        {
          kind: 'Deployment',
          namespace: 'shop',
          name: 'checkout',
          replicas: 3,
        },
      ],
    });
    await request(server).post(`${ENTITY}/refresh`).expect(200);
    const read = await request(server).get(ENTITY);
    expect(read.body.scorecards[0]).toMatchObject({
      level: 'bronze',
      nextLevel: {
        level: 'silver',
        blockingCheckIds: ['oncall-runbook-content'],
      },
    });

    const history = await request(server).get(`${ENTITY}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ level: 'bronze', levelRank: 1 }),
    ]);
  });

  it('keeps the last known results when a provider fails', async () => {
    clusterAnswer = async () => ({
      workloads: [
        {
          kind: 'Deployment',
          namespace: 'shop',
          name: 'checkout',
          replicas: 3,
        },
      ],
    });
    const { server } = await startBackend();
    await request(server).post(`${ENTITY}/refresh`).expect(200);

    clusterAnswer = async () => {
      throw new Error('connect ETIMEDOUT 10.0.0.1:443');
    };
    const refreshed = await request(server).post(`${ENTITY}/refresh`);
    const replicas = refreshed.body.scorecards[0].checks.find(
      (c: { checkId: string }) => c.checkId === 'k8s-min-replicas',
    );
    expect(replicas.status).toBe('pass');

    const status = await request(server).get('/api/readiness/status');
    expect(status.body.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'test-cluster',
          failing: 1,
          lastError: expect.stringContaining('ETIMEDOUT'),
        }),
      ]),
    );
  });

  it('attesting a check changes its status', async () => {
    clusterAnswer = async () => ({ workloads: [] });
    const { server } = await startBackend();
    await request(server).post(`${ENTITY}/refresh`).expect(200);
    const attested = await request(server).post(`${ENTITY}/attestations`).send({
      checkId: 'oncall-runbook-content',
      evidenceUrl: 'https://wiki.example.com/runbooks/checkout',
    });
    expect(attested.status).toBe(201);
    const read = await request(server).get(ENTITY);
    const runbook = read.body.scorecards[0].checks.find(
      (c: { checkId: string }) => c.checkId === 'oncall-runbook-content',
    );
    expect(runbook.status).toBe('pass');
    expect(runbook.attestation.evidenceUrl).toBe(
      'https://wiki.example.com/runbooks/checkout',
    );
  });
});
