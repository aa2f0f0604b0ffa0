import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
// The module is tested inside the plugin it extends, as a dev dependency only.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import request from 'supertest';
import { TestGitRepository } from './__testUtils__/gitRepository';
import { GithubFault, GithubStandIn } from './__testUtils__/githubStandIn';
import { inMemoryCatalog } from './__testUtils__/inMemoryCatalog';
import { entityAt, exampleFiles, tempDir } from './__testUtils__/providerSetup';
import { loadRepositoryScorecard } from './__testUtils__/repositoryScorecard';
import { readinessModuleRepository } from './module';

/*
 * SCM faults through the real backend: the GitHub host of payments-api goes
 * down, gets slow, rejects the token, forbids, fails with 500 or sends
 * broken JSON, while the host of legacy-reports keeps answering.
 */

const SOURCE = 'backstage.io/source-location';
const PAYMENTS = '/api/readiness/entities/component/default/payments-api';
const LEGACY = '/api/readiness/entities/component/default/legacy-reports';

interface Fault {
  name: string;
  apply(host: GithubStandIn): Promise<void> | void;
  clear(host: GithubStandIn): Promise<void> | void;
  /** How /status names the cause. */
  cause: RegExp;
  /** Whether the host's own status turns unhealthy (a read that failed, not one cut off by the time limit). */
  hostUnhealthy: boolean;
}

const COULD_NOT_READ =
  '^Could not read http://127\\.0\\.0\\.1:\\d+/example-org/payments-api/tree/main/; caused by ';
const cause = (detail: string) => new RegExp(`${COULD_NOT_READ}${detail}`);

/** A host's status after a failed read. */
const unhealthyHost = (why: RegExp) => ({
  healthy: false,
  lastSuccessAt: expect.any(String),
  lastError: expect.stringMatching(why),
});

const answering = (fault: GithubFault): Pick<Fault, 'apply' | 'clear'> => ({
  apply: host => {
    host.fault = fault;
  },
  clear: host => {
    host.fault = undefined;
  },
});

const FAULTS: Fault[] = [
  {
    name: 'down (connection refused)',
    apply: host => host.stop(),
    clear: host => host.resume(),
    cause: cause(
      'FetchError: request to .* failed, reason: connect ECONNREFUSED',
    ),
    hostUnhealthy: true,
  },
  {
    name: 'slower than the provider time limit',
    ...answering({ delayMs: 3000 }),
    cause:
      /^TimeoutError: Fact provider repository gave no answer within 1000 ms$/,
    hostUnhealthy: false,
  },
  {
    name: 'rejecting the token with 401',
    ...answering({ status: 401, message: 'Bad credentials' }),
    cause: cause('Error: Request failed for .*, 401 Unauthorized$'),
    hostUnhealthy: true,
  },
  {
    name: 'forbidding with 403',
    ...answering({ status: 403, message: 'API rate limit exceeded' }),
    cause: cause('Error: Request failed for .*, 403 Forbidden$'),
    hostUnhealthy: true,
  },
  {
    name: 'failing with 500',
    ...answering({ status: 500, message: 'Server Error' }),
    cause: cause('Error: Request failed for .*, 500 Internal Server Error$'),
    hostUnhealthy: true,
  },
  {
    name: 'answering with malformed JSON',
    ...answering({ truncatedJson: true }),
    cause: cause('FetchError: invalid json response body at '),
    hostUnhealthy: true,
  },
];

describe('readinessModuleRepository when the SCM fails', () => {
  let faulty: GithubStandIn;
  let healthy: GithubStandIn;
  let workDir: string;

  beforeEach(async () => {
    faulty = await GithubStandIn.start();
    healthy = await GithubStandIn.start();
    workDir = tempDir();
    for (const [name, host] of [
      ['payments-api', faulty],
      ['legacy-reports', healthy],
    ] as const) {
      const repo = TestGitRepository.create(
        join(workDir, name),
        `example-org/${name}`,
      );
      repo.commit(exampleFiles(name), 'initial commit');
      host.serve(repo);
    }
  });

  afterEach(async () => {
    await faulty.close();
    await healthy.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  async function startBackend() {
    return startTestBackend({
      features: [
        readinessPlugin,
        readinessModuleRepository,
        inMemoryCatalog([
          entityAt('payments-api', {
            [SOURCE]: `url:${faulty.treeUrl('example-org/payments-api')}`,
            'backstage.io/techdocs-ref': 'dir:.',
          }),
          entityAt('legacy-reports', {
            [SOURCE]: `url:${healthy.treeUrl('example-org/legacy-reports')}`,
          }),
        ]),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [faulty.integration(), healthy.integration()],
            },
            readiness: {
              defaultScorecard: { enabled: false },
              scorecards: [loadRepositoryScorecard() as unknown as JsonObject],
              refresh: { providerTimeout: '1s' },
            },
          },
        }),
      ],
    });
  }

  type Check = {
    checkId: string;
    source: string;
    status: string;
    evidence: Array<{ message: string }>;
  };
  const repositoryChecks = (body: any): Check[] =>
    body.scorecards[0].checks.filter((c: Check) => c.source === 'repository');
  const statuses = (body: any) =>
    Object.fromEntries(repositoryChecks(body).map(c => [c.checkId, c.status]));

  async function status(server: any) {
    const response = await request(server).get('/api/readiness/status');
    expect(response.status).toBe(200);
    const source = (id: string) =>
      response.body.sources.find((s: { source: string }) => s.source === id);
    const hosts = response.body.targets.find(
      (t: { provider: string }) => t.provider === 'repository',
    ).targets;
    const host = (name: string) =>
      hosts.find((h: { name: string }) => h.name === name);
    return { source, host };
  }

  it.each(FAULTS)(
    'SCM $name: previous facts survive, the other host goes on, /status names the cause, the next refresh after it clears is fresh',
    async fault => {
      const { server } = await startBackend();
      const before = await request(server).post(`${PAYMENTS}/refresh`);
      expect(before.status).toBe(200);
      const known = statuses(before.body);
      expect(before.body.scorecards[0].level).toBe('gold');

      await fault.apply(faulty);
      const during = await request(server).post(`${PAYMENTS}/refresh`);
      expect(during.status).toBe(200);
      expect(statuses(during.body)).toEqual(known);
      expect(during.body.scorecards[0].level).toBe('gold');
      const other = await request(server).post(`${LEGACY}/refresh`);
      expect(other.status).toBe(200);
      expect(statuses(other.body)['own-readme']).toBe('fail');

      const failing = await status(server);
      expect(failing.source('repository')).toMatchObject({
        entities: 2,
        failing: 1,
        lastError: expect.stringMatching(fault.cause),
      });
      expect(failing.source('catalog')).toMatchObject({ failing: 0 });
      expect(failing.host(healthy.host)).toMatchObject({ healthy: true });
      // A read cut off by the time limit never reached the host's record.
      expect(failing.host(faulty.host)).toMatchObject(
        fault.hostUnhealthy
          ? unhealthyHost(fault.cause)
          : { name: faulty.host },
      );

      await fault.clear(faulty);
      const after = await request(server).post(`${PAYMENTS}/refresh`);
      expect(statuses(after.body)).toEqual(known);
      const recovered = await status(server);
      expect(recovered.source('repository')).toMatchObject({
        failing: 0,
        lastError: null,
      });
      expect(recovered.host(faulty.host)).toMatchObject({ healthy: true });
    },
  );

  it('an SCM failing before its first answer leaves the repository checks unknown, naming the cause, until it answers', async () => {
    const { server } = await startBackend();
    faulty.fault = { status: 500, message: 'Server Error' };
    const during = await request(server).post(`${PAYMENTS}/refresh`);
    // data-migrations-versioned is decided by catalog facts alone (no database).
    const unknown = repositoryChecks(during.body).filter(
      c => c.checkId !== 'data-migrations-versioned',
    );
    expect(new Set(unknown.map(c => c.status))).toEqual(new Set(['unknown']));
    expect(unknown[0].evidence[0].message).toMatch(
      /repository facts could not be collected: .*500/,
    );

    faulty.fault = undefined;
    const after = await request(server).post(`${PAYMENTS}/refresh`);
    expect(after.body.scorecards[0].level).toBe('gold');
  });
});
