import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
// The module is tested inside the plugin it extends, as a dev dependency only.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import request from 'supertest';
import { TestGitRepository } from './__testUtils__/gitRepository';
import { GithubStandIn } from './__testUtils__/githubStandIn';
import { inMemoryCatalog } from './__testUtils__/inMemoryCatalog';
import { entityAt, tempDir } from './__testUtils__/providerSetup';
import { loadRepositoryScorecard } from './__testUtils__/repositoryScorecard';
import { readinessModuleRepository } from './module';

/** A configured integration token: it must never appear in logs or answers. */
const TOKEN = 'ghp_r3adinessT0kenThatMustNotLeak';

/** Every log line of every plugin, with its metadata. */
const logged: string[] = [];
const recordingLogger = createServiceFactory({
  service: coreServices.logger,
  deps: {},
  factory: () => {
    const make = (fields: object): LoggerService => {
      const record = (level: string) => (message: string, meta?: unknown) =>
        logged.push(`${level} ${message} ${inspect([meta, fields])}`);
      return {
        error: record('error'),
        warn: record('warn'),
        info: record('info'),
        debug: record('debug'),
        child: more => make({ ...fields, ...more }),
      };
    };
    return make({});
  },
});

describe('configured secrets', () => {
  let standIn: GithubStandIn;
  let workDir: string;

  beforeAll(async () => {
    // The SCM accepts another token, so every read fails with 401.
    standIn = await GithubStandIn.start({ token: 'the-token-the-scm-wants' });
    workDir = tempDir();
    const repo = TestGitRepository.create(
      join(workDir, 'private'),
      'example-org/private',
    );
    repo.commit({ 'README.md': '# private\n' }, 'initial commit');
    standIn.serve(repo);
  });

  afterAll(async () => {
    await standIn.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('never logs or returns the integration token, also when the SCM rejects it', async () => {
    const { server } = await startTestBackend({
      features: [
        readinessPlugin,
        readinessModuleRepository,
        recordingLogger,
        inMemoryCatalog([
          entityAt('private', {
            'backstage.io/source-location': `url:${standIn.treeUrl(
              'example-org/private',
            )}`,
          }),
        ]),
        mockServices.rootConfig.factory({
          data: {
            integrations: { github: [standIn.integration(TOKEN)] },
            readiness: {
              defaultScorecard: { enabled: false },
              scorecards: [loadRepositoryScorecard() as unknown as JsonObject],
            },
          },
        }),
      ],
    });
    const entity = '/api/readiness/entities/component/default/private';
    const refreshed = await request(server).post(`${entity}/refresh`);
    expect(refreshed.status).toBe(200);
    const status = await request(server).get('/api/readiness/status');
    expect(status.status).toBe(200);
    // The failure is visible, with its cause ...
    expect(JSON.stringify(status.body)).toContain('401');
    // ... but the token is nowhere.
    const answers = [refreshed.text, status.text];
    for (const path of ['', '/history', '/audit']) {
      answers.push((await request(server).get(`${entity}${path}`)).text);
    }
    expect(standIn.requests.length).toBeGreaterThan(0);
    expect(logged.length).toBeGreaterThan(0);
    for (const text of [...answers, ...logged]) {
      expect(text).not.toContain(TOKEN);
    }
  });
});
