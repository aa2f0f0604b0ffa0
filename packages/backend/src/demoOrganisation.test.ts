/*
 * The demo organisation, scored end to end: the real catalog reads
 * examples/catalog, the Readiness backend and both fact-provider modules run
 * on the demo portal's own `readiness` config (manifests clusters, mirrored
 * repositories, imported attestations and exemptions), and the REST API must
 * report the outcomes of readiness-checklist.md section 8 for the three
 * fixture services, on SQLite and on PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { JsonObject } from '@backstage/types';
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import readinessModuleKubernetes from '@readiness/backstage-plugin-readiness-backend-module-kubernetes';
import readinessModuleRepository from '@readiness/backstage-plugin-readiness-backend-module-repository';
import knexFactory from 'knex';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';

jest.setTimeout(180_000);

const repoRoot = resolve(__dirname, '../../..');
const demoConfig = parseYaml(
  readFileSync(resolve(repoRoot, 'app-config.yaml'), 'utf8'),
);
const postgresUrl =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
if (process.env.CI && !postgresUrl) {
  throw new Error(
    'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING must be set in CI so that the demo runs on PostgreSQL too',
  );
}

type Database = { name: string; config: JsonObject; cleanUp(): Promise<void> };

function sqlite(): Database {
  return {
    name: 'SQLite',
    config: { client: 'better-sqlite3', connection: ':memory:' },
    cleanUp: async () => {},
  };
}

/** One database per plugin, named with a random prefix, dropped afterwards. */
function postgres(url: string): Database {
  const prefix = `readiness_demo_${randomBytes(4).toString('hex')}_`;
  return {
    name: 'PostgreSQL',
    config: { client: 'pg', connection: url, prefix },
    cleanUp: async () => {
      const admin = knexFactory({ client: 'pg', connection: url });
      try {
        const { rows } = await admin.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ?',
          [`${prefix}%`],
        );
        for (const { datname } of rows) {
          await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
        }
      } finally {
        await admin.destroy();
      }
    },
  };
}

const databases = [sqlite(), ...(postgresUrl ? [postgres(postgresUrl)] : [])];

/** The demo services: Components of examples/catalog/services.yaml. */
const demoServices: string[] = readFileSync(
  resolve(repoRoot, 'examples/catalog/services.yaml'),
  'utf8',
)
  .split(/^---$/m)
  .map(doc => parseYaml(doc))
  .filter(doc => doc?.kind === 'Component')
  .map(doc => doc.metadata.name);

const catalogFiles = ['org', 'users', 'systems', 'services'].map(name => ({
  type: 'file',
  target: resolve(repoRoot, `examples/catalog/${name}.yaml`),
}));

async function startDemoBackend(database: Database) {
  return startTestBackend({
    features: [
      catalogPlugin,
      readinessPlugin,
      readinessModuleKubernetes,
      readinessModuleRepository,
      databaseServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: { database: database.config },
          catalog: {
            rules: [{ allow: ['Component', 'System', 'API', 'Resource'] }],
            locations: catalogFiles.map(l => ({
              ...l,
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Group',
                    'User',
                  ],
                },
              ],
            })),
          },
          readiness: demoConfig.readiness,
        },
      }),
    ],
  });
}

const user = mockCredentials.user('user:default/alice');
const auth = {
  Authorization: mockCredentials.user.header(user.principal.userEntityRef),
};

/** Waits until the catalog has stitched an entity with the relation named. */
async function waitForEntity(
  server: Parameters<typeof request>[0],
  path: string,
  relation: string,
) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await request(server).get(path).set(auth);
    if (
      res.status === 200 &&
      res.body.relations?.some((r: { type: string }) => r.type === relation)
    ) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`The catalog never served ${path} with ${relation}`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

type CheckResult = {
  checkId: string;
  status: string;
  level: string;
  renewBy?: string;
};

/** Refreshes one demo service through the API and returns its default scorecard. */
async function refreshAndRead(
  server: Parameters<typeof request>[0],
  name: string,
) {
  const res = await request(server)
    .post(`/api/readiness/entities/component/default/${name}/refresh`)
    .set(auth);
  expect(res.status).toBe(200);
  const scorecard = res.body.scorecards.find(
    (s: { scorecardId: string }) => s.scorecardId === 'production-readiness',
  );
  const byStatus = (status: string, level?: string) =>
    (scorecard.checks as CheckResult[])
      .filter(c => c.status === status && (!level || c.level === level))
      .map(c => c.checkId)
      .sort();
  return { scorecard, byStatus };
}

describe.each(databases)('the demo organisation on $name', database => {
  let server: Parameters<typeof request>[0];
  let stop: () => Promise<void>;

  // The demo config names files relative to packages/backend, where the
  // portal's backend runs; jest may run this file from the repository root.
  const cwd = process.cwd();
  beforeAll(async () => {
    process.chdir(resolve(repoRoot, 'packages/backend'));
    const backend = await startDemoBackend(database);
    server = backend.server;
    stop = () => backend.stop();
    await waitForEntity(
      server,
      '/api/catalog/entities/by-name/group/default/team-payments',
      'hasMember',
    );
    for (const name of [...demoServices, 'fraud-scoring', 'product-catalog']) {
      await waitForEntity(
        server,
        `/api/catalog/entities/by-name/component/default/${name}`,
        'ownedBy',
      );
    }
  });

  afterAll(async () => {
    process.chdir(cwd);
    await stop?.();
    await database.cleanUp();
  });

  it('scores payments-api gold at 100 %, with only the two documented checks not applicable', async () => {
    const { scorecard, byStatus } = await refreshAndRead(
      server,
      'payments-api',
    );
    expect(scorecard.level).toBe('gold');
    expect(scorecard.score).toBe(100);
    expect(byStatus('not-applicable')).toEqual([
      'data-volume-backups',
      'perf-caching-strategy',
    ]);
    expect(byStatus('fail')).toEqual([]);
    expect(byStatus('unknown')).toEqual([]);
    expect(byStatus('pass')).toHaveLength(99);
  });

  it('scores catalog-search silver, failing exactly the gold checks of the fixture', async () => {
    const { scorecard, byStatus } = await refreshAndRead(
      server,
      'catalog-search',
    );
    expect(scorecard.level).toBe('silver');
    expect(byStatus('not-applicable')).toEqual([
      'data-migrations-versioned',
      'data-volume-backups',
      'k8s-cronjob-guardrails',
    ]);
    expect(byStatus('exempt')).toEqual(['sec-network-policy']);
    expect(byStatus('unknown')).toEqual(['cfg-same-image-across-envs']);
    expect(byStatus('fail')).toEqual(
      [
        'mon-alerts-runbook-url',
        'k8s-image-digest-pinned',
        'res-multi-cluster',
        'cicd-progressive-delivery',
        'cicd-manifest-validation',
        'cicd-feature-flags',
        'test-e2e-tests',
        'sec-supply-chain-provenance',
        'mon-operational-review',
        'sec-security-review',
        'obs-end-to-end-tracing',
        'res-breaking-point-tested',
        'cicd-lead-time',
        'sec-threat-model',
        'data-dr-exercise',
      ].sort(),
    );
    expect(byStatus('fail', 'bronze')).toEqual([]);
    expect(byStatus('fail', 'silver')).toEqual([]);
    // 81 passes and one exemption of 98 applicable checks.
    expect(scorecard.score).toBeCloseTo((82 / 98) * 100, 0);
    // Attested at T-170d with a 180-day expiry: passing, and due for renewal.
    const runbook = (scorecard.checks as CheckResult[]).find(
      c => c.checkId === 'oncall-runbook-content',
    );
    expect(runbook?.status).toBe('pass');
    const daysLeft = (Date.parse(runbook!.renewBy!) - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(9);
    expect(daysLeft).toBeLessThanOrEqual(10);
    expect(
      (scorecard.checks as CheckResult[])
        .filter(c => c.renewBy)
        .map(c => c.checkId),
    ).toEqual(['oncall-runbook-content']);
  });

  it('scores legacy-reports none with the bronze statuses of the fixture table', async () => {
    const { scorecard, byStatus } = await refreshAndRead(
      server,
      'legacy-reports',
    );
    expect(scorecard.level).toBeNull();
    expect(byStatus('pass', 'bronze')).toEqual([
      'cicd-pipeline',
      'k8s-workloads-discoverable',
      'own-source-location',
    ]);
    expect(byStatus('unknown', 'bronze')).toEqual([
      'mon-alert-rules',
      'mon-metrics-scraped',
    ]);
    expect(byStatus('fail', 'bronze')).toEqual(
      [
        'own-owner-group',
        'own-description',
        'own-tier',
        'own-readme',
        'mon-dashboard-linked',
        'oncall-paging-integration',
        'oncall-runbook-present',
        'k8s-min-replicas',
        'k8s-readiness-probe',
        'k8s-resource-requests',
        'k8s-image-tag-pinned',
        'k8s-workload-healthy',
        'cicd-rollback-procedure',
        'test-automated-tests',
        'sec-run-as-non-root',
        'sec-secrets-not-inline',
        'sec-ingress-tls',
        'sec-dependency-scanning',
        'sec-authn-authz',
        'data-backup-policy',
        'cfg-dependencies-pinned',
      ].sort(),
    );
    const status = (id: string) =>
      (scorecard.checks as CheckResult[]).find(c => c.checkId === id)?.status;
    expect(
      [
        'res-no-pod-local-state',
        'k8s-rolling-update-safe',
        'k8s-cronjob-guardrails',
        'data-volume-backups',
      ].map(status),
    ).toEqual(['fail', 'fail', 'fail', 'unknown']);
  });

  it('spreads the demo services over every level of both scorecards, computed from their manifests, repositories and records', async () => {
    expect(demoServices).toHaveLength(12);
    for (const name of [...demoServices, 'fraud-scoring', 'product-catalog']) {
      const res = await request(server)
        .post(`/api/readiness/entities/component/default/${name}/refresh`)
        .set(auth);
      expect(res.status).toBe(200);
    }
    const levelsOn = async (scorecard: string) => {
      const res = await request(server)
        .get(`/api/readiness/entities?scorecard=${scorecard}&limit=50`)
        .set(auth);
      expect(res.status).toBe(200);
      return Object.fromEntries(
        res.body.items.map((i: { entityRef: string; level: string | null }) => [
          i.entityRef.replace('component:default/', ''),
          i.level,
        ]),
      );
    };
    await expect(levelsOn('launch-basics')).resolves.toEqual({
      'order-events': 'launch-ready',
      'fraud-scoring': null,
      'product-catalog': null,
    });
    await expect(levelsOn('production-readiness')).resolves.toEqual({
      'auth-gateway': 'gold',
      'payments-api': 'gold',
      'catalog-search': 'silver',
      'feature-flags': 'silver',
      'payments-ledger': 'silver',
      recommendations: 'bronze',
      'search-indexer': 'bronze',
      'shipping-quotes': 'bronze',
      'legacy-reports': null,
      'notification-hub': null,
      'warehouse-sync': null,
    });
    const overview = await request(server)
      .get(
        '/api/readiness/overview?scorecard=production-readiness&groupBy=owner',
      )
      .set(auth);
    expect(
      overview.body.groups.items.map((g: { key: string }) => g.key).sort(),
    ).toEqual([
      'group:default/team-discovery',
      'group:default/team-fulfilment',
      'group:default/team-payments',
      'group:default/team-platform',
      'user:default/jdoe',
    ]);
  });
});
