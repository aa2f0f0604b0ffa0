import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';
import {
  CollectedFacts,
  readinessFactProvidersExtensionPoint,
} from '@readiness/backstage-plugin-readiness-node';
import request from 'supertest';
import { testEntity, testScorecard } from '../__testUtils__/fixtures';
import { readinessPlugin } from '../plugin';

/*
 * Faults of fact sources, through the real backend: a source that throws,
 * answers past the time limit (ignoring the abort), or fails one entity.
 * `test-cluster` is the faulty source; `test-repo` always answers.
 */

type Behaviour =
  | { kind: 'ok'; replicas: number }
  | { kind: 'throw'; message: string }
  | { kind: 'hang' }
  | { kind: 'fail-entity'; entityRef: string; message: string };

let cluster: Behaviour;
let repoCalls = 0;

const billing: Entity = {
  ...testEntity,
  metadata: { ...testEntity.metadata, name: 'billing' },
};

const scorecard: Scorecard = {
  ...testScorecard,
  checks: [
    ...testScorecard.checks,
    {
      id: 'repo-readme',
      title: 'The repository has a README.',
      category: 'Ownership & documentation',
      level: 'bronze',
      description: 'A README explains the service.',
      source: 'test-repo',
      condition: { fact: 'test-repo.readme', eq: true },
    },
  ],
};

function workloads(entityRef: string, replicas: number): CollectedFacts {
  return {
    status: 'ok',
    data: {
      workloads: [
        { kind: 'Deployment', namespace: 'shop', name: entityRef, replicas },
      ],
    },
  };
}

const providersModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'fault-providers',
  register(reg) {
    reg.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider(
          {
            id: 'test-cluster',
            collect: async ({ entities }) => {
              const behaviour = cluster;
              const refs = entities.map(e => stringifyEntityRef(e));
              switch (behaviour.kind) {
                case 'throw':
                  throw new Error(behaviour.message);
                case 'hang':
                  // Ignores the abort signal, as a stuck client library would.
                  return new Promise(() => {});
                case 'fail-entity':
                  return new Map(
                    refs.map(r => [
                      r,
                      r === behaviour.entityRef
                        ? { status: 'error' as const, error: behaviour.message }
                        : workloads(r, 3),
                    ]),
                  );
                default:
                  return new Map(
                    refs.map(r => [r, workloads(r, behaviour.replicas)]),
                  );
              }
            },
          },
          {
            id: 'test-repo',
            collect: async ({ entities }) => {
              repoCalls++;
              return new Map(
                entities.map(e => [
                  stringifyEntityRef(e),
                  {
                    status: 'ok' as const,
                    data: { readme: true, read: repoCalls },
                  },
                ]),
              );
            },
          },
        );
      },
    });
  },
});

async function startBackend() {
  return startTestBackend({
    features: [
      readinessPlugin,
      providersModule,
      catalogServiceMock.factory({ entities: [testEntity, billing] }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            defaultScorecard: { enabled: false },
            scorecards: [scorecard as unknown as JsonObject],
            refresh: { providerTimeout: { milliseconds: 300 } },
            maxFactAge: { 'test-cluster': { seconds: 2 } },
          },
        },
      }),
    ],
  });
}

const CHECKOUT = '/api/readiness/entities/component/default/checkout';
const BILLING = '/api/readiness/entities/component/default/billing';

type CheckBody = {
  checkId: string;
  status: string;
  evidence: Array<{ message: string }>;
};

function check(body: any, checkId: string): CheckBody {
  return body.scorecards[0].checks.find(
    (c: CheckBody) => c.checkId === checkId,
  );
}

async function sourceStatus(server: any, source: string) {
  const status = await request(server).get('/api/readiness/status');
  expect(status.status).toBe(200);
  return status.body.sources.find(
    (s: { source: string }) => s.source === source,
  );
}

describe('refresh engine when a fact source fails', () => {
  beforeEach(() => {
    repoCalls = 0;
  });

  it('a source that never answered makes its checks unknown, naming the error, while the other source is read', async () => {
    cluster = { kind: 'throw', message: 'connect ECONNREFUSED 10.0.0.1:443' };
    const { server } = await startBackend();

    const refreshed = await request(server).post(`${CHECKOUT}/refresh`);
    expect(refreshed.status).toBe(200);
    const replicas = check(refreshed.body, 'k8s-min-replicas');
    expect(replicas.status).toBe('unknown');
    expect(JSON.stringify(replicas.evidence)).toContain(
      'test-cluster facts could not be collected: Error: connect ECONNREFUSED 10.0.0.1:443',
    );
    expect(check(refreshed.body, 'repo-readme').status).toBe('pass');
    expect(await sourceStatus(server, 'test-cluster')).toMatchObject({
      failing: 1,
      lastSuccessAt: null,
      lastError: 'Error: connect ECONNREFUSED 10.0.0.1:443',
    });
    expect(await sourceStatus(server, 'test-repo')).toMatchObject({
      failing: 0,
      lastError: null,
    });
  });

  it('keeps the previous facts when the source goes down, shows the cause in /status, and recovers on the next refresh', async () => {
    cluster = { kind: 'ok', replicas: 3 };
    const { server } = await startBackend();
    await request(server).post(`${CHECKOUT}/refresh`).expect(200);

    cluster = { kind: 'throw', message: '500 Internal Server Error' };
    const during = await request(server).post(`${CHECKOUT}/refresh`);
    expect(check(during.body, 'k8s-min-replicas').status).toBe('pass');
    const failing = await sourceStatus(server, 'test-cluster');
    expect(failing).toMatchObject({
      failing: 1,
      lastSuccessAt: expect.any(String),
      lastError: 'Error: 500 Internal Server Error',
    });
    expect(Date.parse(failing.lastAttemptAt)).toBeGreaterThan(
      Date.parse(failing.lastSuccessAt),
    );
    expect(repoCalls).toBe(2);

    cluster = { kind: 'ok', replicas: 1 };
    const after = await request(server).post(`${CHECKOUT}/refresh`);
    expect(check(after.body, 'k8s-min-replicas').status).toBe('fail');
    expect(await sourceStatus(server, 'test-cluster')).toMatchObject({
      failing: 0,
      lastError: null,
    });
  });

  it('gives up on a source that answers past providerTimeout, even one ignoring the abort, and goes on with the others', async () => {
    cluster = { kind: 'ok', replicas: 3 };
    const { server } = await startBackend();
    await request(server).post(`${CHECKOUT}/refresh`).expect(200);

    cluster = { kind: 'hang' };
    const refreshed = await request(server).post(`${CHECKOUT}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(check(refreshed.body, 'k8s-min-replicas').status).toBe('pass');
    expect(repoCalls).toBe(2);
    expect(await sourceStatus(server, 'test-cluster')).toMatchObject({
      failing: 1,
      lastError:
        'TimeoutError: Fact provider test-cluster gave no answer within 300 ms',
    });
  });

  it('fails only the entity the source could not read; the other entity of the batch is refreshed', async () => {
    cluster = { kind: 'ok', replicas: 1 };
    const { server } = await startBackend();
    await request(server).post(`${BILLING}/refresh`).expect(200);

    cluster = {
      kind: 'fail-entity',
      entityRef: 'component:default/checkout',
      message: 'cluster prod: 403 Forbidden',
    };
    await request(server).post(`${CHECKOUT}/refresh`).expect(200);
    const billingRead = await request(server).post(`${BILLING}/refresh`);
    expect(check(billingRead.body, 'k8s-min-replicas').status).toBe('pass');
    const checkoutRead = await request(server).get(CHECKOUT);
    expect(check(checkoutRead.body, 'k8s-min-replicas').status).toBe('unknown');
    expect(await sourceStatus(server, 'test-cluster')).toMatchObject({
      entities: 2,
      failing: 1,
      lastError: 'cluster prod: 403 Forbidden',
    });
  });

  it('turns facts older than maxFactAge into stale, with checks unknown and the last error named, until the source answers again', async () => {
    cluster = { kind: 'ok', replicas: 3 };
    const { server } = await startBackend();
    await request(server).post(`${CHECKOUT}/refresh`).expect(200);

    cluster = { kind: 'throw', message: '401 Unauthorized' };
    await new Promise(resolve => setTimeout(resolve, 2100));
    const stale = await request(server).post(`${CHECKOUT}/refresh`);
    const replicas = check(stale.body, 'k8s-min-replicas');
    expect(replicas.status).toBe('unknown');
    const evidence = JSON.stringify(replicas.evidence);
    expect(evidence).toContain('test-cluster facts are stale');
    expect(evidence).toContain(
      'the last attempt failed: Error: 401 Unauthorized',
    );
    expect(check(stale.body, 'repo-readme').status).toBe('pass');

    cluster = { kind: 'ok', replicas: 3 };
    const fresh = await request(server).post(`${CHECKOUT}/refresh`);
    expect(check(fresh.body, 'k8s-min-replicas').status).toBe('pass');
  });
});
