import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
// The module is tested inside the plugin it extends, as a dev dependency only.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import request from 'supertest';
import { TestGitRepository } from './__testUtils__/gitRepository';
import { GithubStandIn } from './__testUtils__/githubStandIn';
import { inMemoryCatalog } from './__testUtils__/inMemoryCatalog';
import { entityAt, exampleFiles, tempDir } from './__testUtils__/providerSetup';
import { loadRepositoryScorecard } from './__testUtils__/repositoryScorecard';
import { readinessModuleRepository } from './module';

const SOURCE = 'backstage.io/source-location';

describe('readinessModuleRepository', () => {
  let standIn: GithubStandIn;
  let workDir: string;

  beforeAll(async () => {
    standIn = await GithubStandIn.start();
    workDir = tempDir();
    for (const name of ['payments-api', 'legacy-reports']) {
      const repo = TestGitRepository.create(
        join(workDir, name),
        `example-org/${name}`,
      );
      repo.commit(exampleFiles(name), 'initial commit');
      standIn.serve(repo);
    }
  });

  afterAll(async () => {
    await standIn.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function startBackend() {
    const entities = [
      entityAt('payments-api', {
        [SOURCE]: `url:${standIn.treeUrl('example-org/payments-api')}`,
        'backstage.io/techdocs-ref': 'dir:.',
      }),
      entityAt('legacy-reports', {
        [SOURCE]: `url:${standIn.treeUrl('example-org/legacy-reports')}`,
      }),
      entityAt('gone-missing', {
        [SOURCE]: `url:${standIn.treeUrl('example-org/gone-missing')}`,
      }),
    ];
    return startTestBackend({
      features: [
        readinessPlugin,
        readinessModuleRepository,
        inMemoryCatalog(entities),
        mockServices.rootConfig.factory({
          data: {
            integrations: { github: [standIn.integration()] },
            readiness: {
              defaultScorecard: { enabled: false },
              scorecards: [loadRepositoryScorecard() as unknown as JsonObject],
            },
          },
        }),
      ],
    });
  }

  const entityPath = (name: string) =>
    `/api/readiness/entities/component/default/${name}`;

  type CheckBody = {
    checkId: string;
    status: string;
    evidence: Array<{ message: string }>;
  };
  const checksOf = (body: any): Record<string, CheckBody> =>
    Object.fromEntries(
      body.scorecards[0].checks.map((c: CheckBody) => [c.checkId, c]),
    );

  it('registers the repository fact provider with the readiness backend', async () => {
    const { server } = await startBackend();
    const response = await request(server).get('/api/readiness/health');
    expect(response.status).toBe(200);
    expect(response.body.factProviders).toEqual(['repository']);
  });

  it('refreshes an entity from its git repository and serves the repository results', async () => {
    const { server } = await startBackend();

    const refreshed = await request(server).post(
      `${entityPath('payments-api')}/refresh`,
    );
    expect(refreshed.status).toBe(200);

    const read = await request(server).get(entityPath('payments-api'));
    expect(read.status).toBe(200);
    const checks = checksOf(read.body);
    const statuses = Object.fromEntries(
      Object.values(checks).map(c => [c.checkId, c.status]),
    );
    expect(statuses).toEqual(
      Object.fromEntries(
        loadRepositoryScorecard().checks.map(c => [
          c.id,
          c.id === 'data-migrations-versioned' ? 'not-applicable' : 'pass',
        ]),
      ),
    );
    expect(read.body.scorecards[0].level).toBe('gold');
    expect(JSON.stringify(checks['sec-image-scanning'].evidence)).toContain(
      'aquasecurity/trivy-action',
    );
  });

  it('shows why a legacy repository fails, with evidence from its files', async () => {
    const { server } = await startBackend();
    await request(server)
      .post(`${entityPath('legacy-reports')}/refresh`)
      .expect(200);

    const read = await request(server).get(entityPath('legacy-reports'));
    const checks = checksOf(read.body);
    expect(read.body.scorecards[0].level).toBeNull();
    expect(checks['cicd-pipeline'].status).toBe('pass');
    expect(checks['own-readme'].status).toBe('fail');
    expect(checks['cfg-dependencies-pinned'].status).toBe('fail');
    expect(
      JSON.stringify(checks['cfg-dependencies-pinned'].evidence),
    ).toContain('python:latest');
  });

  it('makes the repository checks of an unreadable repository unknown, naming the URL', async () => {
    const { server } = await startBackend();
    await request(server)
      .post(`${entityPath('gone-missing')}/refresh`)
      .expect(200);

    const read = await request(server).get(entityPath('gone-missing'));
    // data-migrations-versioned is decided by catalog facts alone (no database).
    const checks = Object.values(checksOf(read.body)).filter(
      c => c.checkId !== 'data-migrations-versioned',
    );
    expect(new Set(checks.map(c => c.status))).toEqual(new Set(['unknown']));
    expect(JSON.stringify(checks[0].evidence)).toContain(
      standIn.treeUrl('example-org/gone-missing'),
    );

    const status = await request(server).get('/api/readiness/status');
    expect(status.body.targets).toEqual(
      expect.arrayContaining([
        {
          provider: 'repository',
          targets: [
            expect.objectContaining({ name: standIn.host, healthy: true }),
          ],
        },
      ]),
    );
  });
});
