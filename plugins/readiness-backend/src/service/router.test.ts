import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { testEntity, testScorecard } from '../__testUtils__/fixtures';
import { ReadinessStore } from '../database/ReadinessStore';
import { RefreshEngine } from '../engine/RefreshEngine';
import { FactProviderRegistry } from '../providers/FactProviderRegistry';
import { createRouter } from './router';

const storeMethods: Array<keyof ReadinessStore> = [
  'ping',
  'getFacts',
  'writeFacts',
  'getSourceStatus',
  'getInputHashes',
  'writeEvaluation',
  'getEntityEvaluations',
  'getHistory',
  'listScoredEntityRefs',
  'deleteEntities',
  'getOverview',
  'listEntityScores',
  'getTopFailingChecks',
  'getTrend',
  'getCheckResults',
  'listResultsForExport',
  'addAttestation',
  'revokeAttestation',
  'addExemption',
  'revokeExemption',
  'listRecords',
  'syncQueue',
  'claimBatch',
  'completeClaims',
  'requestRefresh',
];

const ENTITY_PATH = '/entities/component/default/checkout';
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

describe('createRouter', () => {
  const store = Object.fromEntries(
    storeMethods.map(m => [m, jest.fn()]),
  ) as unknown as jest.Mocked<ReadinessStore>;
  const engine = {
    refreshEntities: jest.fn(),
    evaluateEntities: jest.fn(),
  } as unknown as jest.Mocked<RefreshEngine>;
  let permissionResult: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  let user: string;

  async function app() {
    const logger = mockServices.logger.mock();
    const providers = new FactProviderRegistry();
    providers.add({
      id: 'test-cluster',
      collect: async () => new Map(),
      factsFromContent: ({ manifests }) =>
        manifests ? { workloads: manifests } : undefined,
    });
    const router = await createRouter({
      store,
      engine,
      providers,
      scorecards: () => [testScorecard],
      catalog: catalogServiceMock({ entities: [testEntity] }),
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(user),
      }),
      userInfo: mockServices.userInfo({
        ownershipEntityRefs: [
          user,
          ...(user.endsWith('alice') ? ['group:default/team-a'] : []),
        ],
      }),
      permissions: mockServices.permissions({ result: permissionResult }),
      logger,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    return express().use(router).use(middleware.error());
  }

  beforeEach(() => {
    jest.resetAllMocks();
    permissionResult = AuthorizeResult.ALLOW;
    user = 'user:default/alice';
    store.getEntityEvaluations.mockResolvedValue([]);
    store.listRecords.mockResolvedValue({ attestations: [], exemptions: [] });
    store.listScoredEntityRefs.mockResolvedValue([
      'component:default/checkout',
      'component:default/deleted-from-catalog',
    ]);
  });

  describe('GET /health', () => {
    it('reports a reachable database and the fact providers', async () => {
      store.ping.mockResolvedValue();
      const response = await request(await app()).get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        status: 'ok',
        database: { reachable: true },
        factProviders: ['test-cluster'],
      });
    });

    it('answers 503 with the error when the database is down', async () => {
      store.ping.mockRejectedValue(new Error('connect ECONNREFUSED'));
      const response = await request(await app()).get('/health');
      expect(response.status).toBe(503);
      expect(response.body.database).toEqual({
        reachable: false,
        error: 'Error: connect ECONNREFUSED',
      });
    });
  });

  describe('GET /entities/:kind/:namespace/:name', () => {
    it('joins stored results with the definitions and records', async () => {
      const evaluatedAt = new Date('2026-11-23T10:00:00Z');
      store.getEntityEvaluations.mockResolvedValue([
        {
          score: {
            entityRef: 'component:default/checkout',
            scorecardId: 'test-readiness',
            level: 'bronze',
            levelRank: 1,
            score: 66.7,
            counts: {
              pass: 2,
              fail: 1,
              unknown: 0,
              exempt: 0,
              'not-applicable': 0,
            },
            inputHash: 'h',
            evaluatedAt,
            kind: 'Component',
            type: 'service',
            title: 'checkout',
            owner: 'group:default/team-a',
            system: null,
            domain: null,
            lifecycle: 'production',
            tier: '1',
          },
          results: [
            {
              checkId: 'own-description',
              status: 'pass',
              evidence: [],
              source: 'catalog',
              changedAt: evaluatedAt,
            },
            {
              checkId: 'k8s-min-replicas',
              status: 'pass',
              evidence: [
                {
                  object: 'Deployment shop/checkout',
                  status: 'pass',
                  message: 'replicas = 3',
                },
              ],
              source: 'test-cluster',
              changedAt: evaluatedAt,
            },
            {
              checkId: 'oncall-runbook-content',
              status: 'fail',
              evidence: [{ status: 'fail', message: 'Not attested' }],
              source: 'attestation',
              changedAt: evaluatedAt,
            },
          ],
        },
      ]);
      const response = await request(await app()).get(ENTITY_PATH);
      expect(response.status).toBe(200);
      const [scorecard] = response.body.scorecards;
      expect(scorecard).toMatchObject({
        scorecardId: 'test-readiness',
        level: 'bronze',
        targetLevel: 'silver',
        nextLevel: {
          level: 'silver',
          blockingCheckIds: ['oncall-runbook-content'],
        },
        evaluatedAt: '2026-11-23T10:00:00.000Z',
      });
      expect(scorecard.checks[1]).toMatchObject({
        checkId: 'k8s-min-replicas',
        category: 'Deployment & Kubernetes hygiene',
        remediation: { text: 'Set `spec.replicas: 2`.' },
        evidence: [
          { object: 'Deployment shop/checkout', message: 'replicas = 3' },
        ],
      });
    });

    it('answers 404 for an entity the caller cannot read', async () => {
      const response = await request(await app()).get(
        '/entities/component/default/nope',
      );
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe(
        'No entity component:default/nope',
      );
    });
  });

  describe('POST attestations', () => {
    const body = {
      checkId: 'oncall-runbook-content',
      evidenceUrl: 'https://wiki.example.com/runbooks/checkout',
    };

    it('records an owner’s attestation with the default expiry and re-evaluates', async () => {
      store.addAttestation.mockImplementation(async a => ({ id: 'a1', ...a }));
      const response = await request(await app())
        .post(`${ENTITY_PATH}/attestations`)
        .send(body);
      expect(response.status).toBe(201);
      const recorded = store.addAttestation.mock.calls[0][0];
      expect(recorded).toMatchObject({
        entityRef: 'component:default/checkout',
        checkId: 'oncall-runbook-content',
        attestedBy: 'user:default/alice',
      });
      const days =
        (Date.parse(recorded.expiresAt) - Date.parse(recorded.attestedAt)) /
        86_400_000;
      expect(days).toBeCloseTo(180, 5);
      expect(engine.evaluateEntities).toHaveBeenCalledTimes(1);
    });

    it.each([
      [{ ...body, evidenceUrl: 'not a url' }, 'evidenceUrl'],
      [{ checkId: 'oncall-runbook-content' }, 'evidenceUrl'],
      [{ ...body, extra: 1 }, 'extra'],
      [
        { ...body, checkId: 'k8s-min-replicas' },
        'evaluated from test-cluster facts and cannot be attested',
      ],
      [{ ...body, checkId: 'nope' }, 'no scorecard has a check "nope"'],
      [{ ...body, expiresAt: inDays(400) }, 'expire after at most 180 days'],
      [
        { ...body, expiresAt: '2020-01-01T00:00:00Z' },
        'must lie in the future',
      ],
    ])('rejects %j with a 400 naming the problem', async (input, message) => {
      const response = await request(await app())
        .post(`${ENTITY_PATH}/attestations`)
        .send(input);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
      expect(store.addAttestation).not.toHaveBeenCalled();
    });

    it('answers 403 to a non-owner without readiness.attestation.create', async () => {
      user = 'user:default/mallory';
      permissionResult = AuthorizeResult.DENY;
      const response = await request(await app())
        .post(`${ENTITY_PATH}/attestations`)
        .send(body);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'readiness.attestation.create',
      );
      expect(store.addAttestation).not.toHaveBeenCalled();
    });
  });

  describe('exemptions', () => {
    const body = {
      checkId: 'k8s-min-replicas',
      reason: 'Leader-only worker, a second replica would double-process jobs',
      expiresAt: inDays(30),
    };

    it('grants an exemption to a holder of readiness.exemption.create', async () => {
      store.addExemption.mockImplementation(async e => ({ id: 'e1', ...e }));
      const response = await request(await app())
        .post(`${ENTITY_PATH}/exemptions`)
        .send(body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        id: 'e1',
        grantedBy: 'user:default/alice',
      });
    });

    it('answers 403 without readiness.exemption.create, even to owners', async () => {
      permissionResult = AuthorizeResult.DENY;
      const response = await request(await app())
        .post(`${ENTITY_PATH}/exemptions`)
        .send(body);
      expect(response.status).toBe(403);
      expect(store.addExemption).not.toHaveBeenCalled();
    });

    it.each([
      [{ ...body, reason: 'because' }, 'reason: must say why'],
      [{ ...body, expiresAt: inDays(181) }, 'at most 180 days'],
      [{ checkId: 'k8s-min-replicas', reason: body.reason }, 'expiresAt'],
    ])('rejects %j with a 400', async (input, message) => {
      const response = await request(await app())
        .post(`${ENTITY_PATH}/exemptions`)
        .send(input);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
    });

    it('answers 404 when revoking an unknown exemption', async () => {
      store.revokeExemption.mockRejectedValue(
        new NotFoundError('No exemption 3f2c'),
      );
      const response = await request(await app()).delete(
        `${ENTITY_PATH}/exemptions/3f2c0d7e-5b1a-4c9e-8f00-1a2b3c4d5e6f`,
      );
      expect(response.status).toBe(404);
    });

    it('answers 400 naming the id when it is not a record id', async () => {
      const response = await request(await app()).delete(
        `${ENTITY_PATH}/exemptions/x`,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('id: must be the id');
      expect(store.revokeExemption).not.toHaveBeenCalled();
    });
  });

  it('POST refresh answers 403 without readiness.refresh', async () => {
    permissionResult = AuthorizeResult.DENY;
    const response = await request(await app()).post(`${ENTITY_PATH}/refresh`);
    expect(response.status).toBe(403);
    expect(engine.refreshEntities).not.toHaveBeenCalled();
  });

  describe('GET /overview', () => {
    it('passes grouping, filters and paging to the store', async () => {
      store.getOverview.mockResolvedValue({ items: [], total: 0 });
      store.getTopFailingChecks.mockResolvedValue([
        { checkId: 'k8s-min-replicas', failing: 3 },
      ]);
      const response = await request(await app()).get(
        '/overview?groupBy=system&owner=group:default/a,group:default/b&tier=1&sort=averageScore&order=desc&limit=10',
      );
      expect(response.status).toBe(200);
      expect(store.getOverview).toHaveBeenCalledWith({
        scorecardId: 'test-readiness',
        levels: ['bronze', 'silver'],
        groupBy: 'system',
        filters: {
          owner: ['group:default/a', 'group:default/b'],
          tier: ['1'],
          // The policy allows reading every entity: no restriction.
          entityRefs: undefined,
        },
        page: { sort: 'averageScore', order: 'desc', limit: 10, offset: 0 },
      });
      expect(response.body.topFailingChecks).toEqual([
        { checkId: 'k8s-min-replicas', failing: 3 },
      ]);
    });

    it.each([
      ['groupBy=colour', 'groupBy'],
      ['limit=0', 'limit'],
      ['limit=100000', 'limit'],
      ['scorecard=nope', 'no scorecard "nope"'],
    ])('rejects %s with a 400', async (query, message) => {
      const response = await request(await app()).get(`/overview?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
    });
  });

  describe('GET /checks/:checkId/results', () => {
    it('answers 404 for a check the scorecard does not have', async () => {
      const response = await request(await app()).get('/checks/nope/results');
      expect(response.status).toBe(404);
    });

    it('rejects an unknown status with a 400', async () => {
      const response = await request(await app()).get(
        '/checks/k8s-min-replicas/results?status=broken',
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('status');
    });
  });

  it('GET /export?format=csv writes one line per entity with every check status', async () => {
    store.listResultsForExport.mockImplementation(async function* rows() {
      yield {
        score: {
          entityRef: 'component:default/checkout',
          scorecardId: 'test-readiness',
          level: null,
          levelRank: 0,
          score: 50,
          counts: {
            pass: 1,
            fail: 1,
            unknown: 1,
            exempt: 0,
            'not-applicable': 0,
          },
          inputHash: 'h',
          evaluatedAt: new Date(),
          kind: 'Component',
          type: 'service',
          title: 'Checkout, "the" shop',
          owner: 'group:default/team-a',
          system: null,
          domain: null,
          lifecycle: 'production',
          tier: '1',
        },
        statuses: {
          'own-description': 'pass',
          'k8s-min-replicas': 'fail',
          'oncall-runbook-content': 'unknown',
        },
      };
    });
    const response = await request(await app()).get('/export?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.text.split('\r\n')).toEqual([
      'entityRef,title,owner,system,lifecycle,tier,level,score,own-description,k8s-min-replicas,oncall-runbook-content',
      'component:default/checkout,"Checkout, ""the"" shop",group:default/team-a,,production,1,none,50,pass,fail,unknown',
      '',
    ]);
  });

  describe('POST /evaluate', () => {
    it('evaluates posted facts without storing anything', async () => {
      const response = await request(await app())
        .post('/evaluate')
        .send({
          entity: testEntity,
          facts: {
            'test-cluster': {
              workloads: [
                {
                  kind: 'Deployment',
                  namespace: 'shop',
                  name: 'checkout',
                  replicas: 1,
                },
              ],
            },
          },
        });
      expect(response.status).toBe(200);
      const [evaluation] = response.body.items;
      const replicas = evaluation.results.find(
        (r: any) => r.checkId === 'k8s-min-replicas',
      );
      expect(replicas.status).toBe('fail');
      expect(replicas.evidence[0].object).toBe('Deployment shop/checkout');
      expect(store.writeEvaluation).not.toHaveBeenCalled();
      expect(store.writeFacts).not.toHaveBeenCalled();
    });

    it('derives facts from posted manifests through the providers', async () => {
      const response = await request(await app())
        .post('/evaluate')
        .send({
          entity: testEntity,
          manifests: [
            {
              kind: 'Deployment',
              namespace: 'shop',
              name: 'checkout',
              replicas: 3,
            },
          ],
        });
      expect(response.status).toBe(200);
      const replicas = response.body.items[0].results.find(
        (r: any) => r.checkId === 'k8s-min-replicas',
      );
      expect(replicas.status).toBe('pass');
    });

    it('rejects files without a path with a 400', async () => {
      const response = await request(await app())
        .post('/evaluate')
        .send({ entity: testEntity, files: [{ content: 'x' }] });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('files.0.path');
    });

    it('rejects a body without an entity with a 400', async () => {
      const response = await request(await app())
        .post('/evaluate')
        .send({ facts: {} });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('entity');
    });
  });

  it('GET /badge renders the level as SVG', async () => {
    store.getEntityEvaluations.mockResolvedValue([
      {
        score: { scorecardId: 'test-readiness', level: 'silver' } as any,
        results: [],
      },
    ]);
    const response = await request(await app()).get(
      '/badge/component/default/checkout',
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body.toString()).toContain('>silver</text>');
  });
});
