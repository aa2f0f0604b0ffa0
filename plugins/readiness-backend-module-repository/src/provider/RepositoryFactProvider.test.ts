import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonObject } from '@backstage/types';
import { buildRepositoryFacts, RepositoryFacts } from '../facts';
import { readExampleTree } from '../__testUtils__/exampleTrees';
import { TestGitRepository } from '../__testUtils__/gitRepository';
import { GithubStandIn } from '../__testUtils__/githubStandIn';
import {
  createProvider,
  entityAt,
  exampleFiles,
  tempDir,
} from '../__testUtils__/providerSetup';
import { craftTarball } from '../__testUtils__/tarball';

const SOURCE = 'backstage.io/source-location';

describe('RepositoryFactProvider over real HTTP (GitHub Enterprise API stand-in)', () => {
  let standIn: GithubStandIn;
  let workDir: string;

  beforeEach(async () => {
    standIn = await GithubStandIn.start();
    workDir = tempDir();
  });

  afterEach(async () => {
    await standIn.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  function repository(
    fullName: string,
    files: Record<string, string>,
  ): TestGitRepository {
    const repo = TestGitRepository.create(join(workDir, fullName), fullName);
    repo.commit(files, 'initial commit');
    standIn.serve(repo);
    return repo;
  }

  function provider(repositoryConfig: JsonObject = {}) {
    return createProvider({
      integrations: { github: [standIn.integration()] },
      readiness: { repository: repositoryConfig },
    });
  }

  async function collectOne(
    p: ReturnType<typeof provider>,
    annotations: Record<string, string>,
  ) {
    const answers = await p.collect({
      entities: [entityAt('svc', annotations)],
    });
    return answers.get('component:default/svc')!;
  }

  async function factsOf(
    p: ReturnType<typeof provider>,
    annotations: Record<string, string>,
  ) {
    const answer = await collectOne(p, annotations);
    if (answer.status !== 'ok')
      throw new Error(`expected facts, got: ${answer.error}`);
    return answer.data as unknown as RepositoryFacts;
  }

  it('reads a git repository through the GitHub integration into the same facts as the pure builder', async () => {
    repository('example-org/payments-api', exampleFiles('payments-api'));
    const url = standIn.treeUrl('example-org/payments-api');

    const facts = await factsOf(provider(), { [SOURCE]: `url:${url}` });

    const expected = buildRepositoryFacts({
      files: readExampleTree('payments-api'),
      location: { ref: 'main' },
    });
    expect({ ...facts, location: undefined }).toEqual({
      ...expected,
      location: undefined,
    });
    expect(facts.location).toEqual({
      annotation: SOURCE,
      target: `url:${url}`,
      ref: 'main',
      subpath: '',
    });
    expect(facts.files.runbooks.map(f => f.path)).toEqual(['docs/runbook.md']);
    expect(facts.ci?.tests?.map(m => m.step)).toContain(
      'npm test -- --coverage',
    );
    expect(facts.codeowners?.locationTeams).toEqual([
      'example-org/team-payments',
    ]);
    expect(facts.baseImages.every(b => b.digestPinned)).toBe(true);
    expect(standIn.count(/\/tarball\//)).toBe(1);
  });

  it('does not download an unchanged tree again, and reads it again after a new commit', async () => {
    const repo = repository('example-org/etag', {
      'README.md': '# etag\n',
      Dockerfile: 'FROM node:20.11.1\n',
    });
    const p = provider();
    const annotations = {
      [SOURCE]: `url:${standIn.treeUrl('example-org/etag')}`,
    };

    const first = await factsOf(p, annotations);
    expect(standIn.count(/\/tarball\//)).toBe(1);
    expect(standIn.count(/\/status$/)).toBe(1);

    const second = await factsOf(p, annotations);
    expect(second).toEqual(first);
    expect(standIn.count(/\/tarball\//)).toBe(1);
    expect(standIn.count(/\/status$/)).toBe(2);

    repo.commit({ Dockerfile: 'FROM node:latest\n' }, 'float the base image');
    const third = await factsOf(p, annotations);
    expect(standIn.count(/\/tarball\//)).toBe(2);
    expect(third.baseImages).toEqual([
      expect.objectContaining({ image: 'node:latest', pinned: false }),
    ]);

    const [host] = await p.status();
    expect(host).toMatchObject({
      name: standIn.host,
      healthy: true,
      details: { reads: 3, notModified: 1, failures: 0 },
    });
  });

  it('reads a monorepo subdirectory, with CI definitions and CODEOWNERS from the repository root', async () => {
    repository('example-org/monorepo', {
      '.github/CODEOWNERS':
        '* @example-org/platform\n/services/payments/ @example-org/team-payments\n',
      '.github/workflows/payments.yml': [
        'on:',
        '  pull_request:',
        '    paths: [services/payments/**]',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: npm test',
        '        working-directory: services/payments',
      ].join('\n'),
      'README.md': '# The monorepo\n',
      'services/payments/README.md': '# payments\n\n## Local development\n',
      'services/payments/package.json':
        '{"dependencies":{"@sentry/node":"8.0.0"}}',
      'services/payments/src/pay.test.ts': 'test("pays", () => {});\n',
      'services/search/RUNBOOK.md': '# Not the payments runbook\n',
    });
    const url = standIn.treeUrl(
      'example-org/monorepo',
      'main',
      'services/payments',
    );

    const facts = await factsOf(provider(), { [SOURCE]: `url:${url}` });

    expect(facts.location).toMatchObject({
      subpath: 'services/payments',
      ref: 'main',
    });
    expect(facts.readme).toMatchObject({
      path: 'README.md',
      headings: ['payments', 'Local development'],
    });
    expect(facts.files.testFiles.map(f => f.path)).toEqual(['src/pay.test.ts']);
    expect(facts.files.runbooks).toEqual([]);
    expect(facts.dependencies.sdks.errorTracking).toEqual([
      { ecosystem: 'npm', name: '@sentry/node', file: 'package.json' },
    ]);
    expect(facts.ci?.definitions.map(d => d.path)).toEqual([
      '.github/workflows/payments.yml',
    ]);
    expect(facts.ci?.tests).toEqual([
      expect.objectContaining({
        file: '.github/workflows/payments.yml',
        step: 'npm test',
      }),
    ]);
    expect(facts.codeowners).toMatchObject({
      path: '.github/CODEOWNERS',
      coversLocation: true,
      locationTeams: ['example-org/team-payments'],
    });
    expect(facts.rootError).toBeUndefined();
  });

  it('leaves CI and CODEOWNERS evidence out, with the reason, when the repository root cannot be read', async () => {
    repository('example-org/huge-root', {
      '.github/workflows/generated.yml': `# ${'x'.repeat(300_000)}\non: push\n`,
      'services/api/README.md': '# api\n',
    });
    const url = standIn.treeUrl(
      'example-org/huge-root',
      'main',
      'services/api',
    );

    const facts = await factsOf(
      provider({ limits: { maxTreeSize: '200KiB' } }),
      {
        [SOURCE]: `url:${url}`,
      },
    );

    expect(facts.readme?.path).toBe('README.md');
    expect(facts.ci).toBeUndefined();
    expect(facts.codeowners).toBeUndefined();
    expect(facts.rootError).toContain(standIn.treeUrl('example-org/huge-root'));
    expect(facts.rootError).toContain(
      'readiness.repository.limits.maxTreeSize',
    );
  });

  it('reads the directory of managed-by-location when there is no source-location', async () => {
    repository('example-org/managed', {
      'catalog-info.yaml': 'kind: Component\n',
      'RUNBOOK.md': '# Runbook\n',
    });
    const facts = await factsOf(provider(), {
      'backstage.io/managed-by-location': `url:http://${standIn.host}/example-org/managed/blob/main/catalog-info.yaml`,
    });
    expect(facts.location.annotation).toBe('backstage.io/managed-by-location');
    expect(facts.files.runbooks.map(f => f.path)).toEqual(['RUNBOOK.md']);
  });

  describe('limits', () => {
    it('lists files over maxFileSize without their content', async () => {
      repository('example-org/big-file', {
        'README.md': `# big\n\n## Setup\n\n${'text '.repeat(4000)}`,
        'docs/runbook.md': '# Runbook\n',
      });
      const facts = await factsOf(
        provider({ limits: { maxFileSize: '8KiB' } }),
        {
          [SOURCE]: `url:${standIn.treeUrl('example-org/big-file')}`,
        },
      );
      expect(facts.tree.skipped).toEqual([
        { path: 'README.md', size: 20017, reason: 'too-large' },
      ]);
      expect(facts.readme).toEqual({ path: 'README.md', size: 20017 });
      expect(facts.files.runbooks).toHaveLength(1);
    });

    it('fails an entity whose tree passes maxTreeSize or maxFiles, without downloading it again', async () => {
      repository('example-org/too-big', {
        'a.txt': 'a'.repeat(3000),
        'b.txt': 'b'.repeat(3000),
        'c.txt': 'c',
      });
      const annotations = {
        [SOURCE]: `url:${standIn.treeUrl('example-org/too-big')}`,
      };

      const p = provider({ limits: { maxTreeSize: 4096 } });
      const bySize = await collectOne(p, annotations);
      expect(bySize).toEqual({
        status: 'error',
        error: expect.stringContaining(
          'readiness.repository.limits.maxTreeSize',
        ),
      });
      expect(bySize.status === 'error' && bySize.error).toContain(
        standIn.treeUrl('example-org/too-big'),
      );
      await collectOne(p, annotations);
      expect(standIn.count(/\/tarball\//)).toBe(1);

      const byCount = await collectOne(
        provider({ limits: { maxFiles: 2 } }),
        annotations,
      );
      expect(byCount).toEqual({
        status: 'error',
        error: expect.stringContaining(
          'more than 2 files (readiness.repository.limits.maxFiles)',
        ),
      });
    });
  });

  it('keeps archive entries that climb out of the tree out of the facts', async () => {
    repository('example-org/traversal', { 'README.md': '# ok\n' });
    standIn.tarballOverrides.set(
      'example-org/traversal',
      craftTarball([
        { path: 'example-org-traversal-abc1234/README.md', content: '# ok\n' },
        {
          path: 'example-org-traversal-abc1234/../../escape/RUNBOOK.md',
          content: '# escaped\n',
        },
      ]),
    );
    const facts = await factsOf(provider(), {
      [SOURCE]: `url:${standIn.treeUrl('example-org/traversal')}`,
    });
    expect(facts.tree.paths).toEqual(['README.md']);
    expect(facts.files.runbooks).toEqual([]);
    expect(facts.tree.skipped).toEqual([
      expect.objectContaining({
        path: '../../escape/RUNBOOK.md',
        reason: 'outside-tree',
      }),
    ]);
  });

  describe('failures', () => {
    it('reports a missing repository as an error naming the URL and the 404, the host staying healthy', async () => {
      const p = provider();
      const answer = await collectOne(p, {
        [SOURCE]: `url:${standIn.treeUrl('example-org/missing')}`,
      });
      expect(answer.status).toBe('error');
      const error = answer.status === 'error' ? answer.error : '';
      expect(error).toContain(
        `Could not read ${standIn.treeUrl('example-org/missing')}`,
      );
      expect(error).toContain('404');
      expect(await p.status()).toEqual([
        expect.objectContaining({
          name: standIn.host,
          healthy: true,
          details: expect.objectContaining({ failures: 1 }),
        }),
      ]);
    });

    it('reports rejected credentials as an unhealthy host', async () => {
      await standIn.close();
      standIn = await GithubStandIn.start({ token: 'right-token' });
      repository('example-org/private', { 'README.md': '# private\n' });
      const p = createProvider({
        integrations: { github: [standIn.integration('wrong-token')] },
      });
      const answer = await collectOne(p, {
        [SOURCE]: `url:${standIn.treeUrl('example-org/private')}`,
      });
      expect(answer).toEqual({
        status: 'error',
        error: expect.stringContaining('401 Unauthorized'),
      });
      const [host] = await p.status();
      expect(host).toMatchObject({
        healthy: false,
        lastError: expect.stringContaining('401'),
      });
    });

    it('reports an unreachable host as an error naming the URL and the connection failure', async () => {
      const url = standIn.treeUrl('example-org/anything');
      const p = provider();
      await standIn.close();
      const answer = await collectOne(p, { [SOURCE]: `url:${url}` });
      expect(answer).toEqual({
        status: 'error',
        error: expect.stringMatching(
          /Could not read http:\/\/127\.0\.0\.1:\d+\/example-org\/anything.*ECONNREFUSED/s,
        ),
      });
      const [host] = await p.status();
      expect(host.healthy).toBe(false);
      standIn = await GithubStandIn.start();
    });

    it('passes on the UrlReaderService refusal for hosts without an integration', async () => {
      const answer = await collectOne(provider(), {
        [SOURCE]: 'url:https://scm.unconfigured.example/org/repo/tree/main/',
      });
      expect(answer).toEqual({
        status: 'error',
        error: expect.stringContaining('backend.reading.allow'),
      });
    });

    it('reports an entity without a location annotation as an error, not as empty facts', async () => {
      const answer = await collectOne(provider(), {});
      expect(answer).toEqual({
        status: 'error',
        error: expect.stringContaining(
          'neither backstage.io/source-location nor backstage.io/managed-by-location',
        ),
      });
    });
  });

  describe('local file: trees', () => {
    let allowed: string;
    let outside: string;

    beforeEach(() => {
      allowed = join(workDir, 'allowed');
      outside = join(workDir, 'outside');
      mkdirSync(join(allowed, 'svc/docs'), { recursive: true });
      mkdirSync(outside, { recursive: true });
      writeFileSync(join(allowed, 'svc/docs/runbook.md'), '# Runbook\n');
      writeFileSync(join(outside, 'RUNBOOK.md'), '# secret\n');
    });

    it('reads a tree inside readiness.repository.allowedLocalRoots', async () => {
      const facts = await factsOf(provider({ allowedLocalRoots: [allowed] }), {
        [SOURCE]: `file:${join(allowed, 'svc')}`,
      });
      expect(facts.files.runbooks.map(f => f.path)).toEqual([
        'docs/runbook.md',
      ]);
      expect(facts.ci).toEqual(expect.objectContaining({ definitions: [] }));
    });

    it('refuses a tree outside the allowed roots, naming the rule', async () => {
      const p = provider({ allowedLocalRoots: [allowed] });
      for (const location of [outside, join(allowed, '..', 'outside')]) {
        const answer = await collectOne(p, { [SOURCE]: `file:${location}` });
        expect(answer).toEqual({
          status: 'error',
          error: expect.stringContaining(
            'outside readiness.repository.allowedLocalRoots',
          ),
        });
      }
      const none = await collectOne(provider(), {
        [SOURCE]: `file:${join(allowed, 'svc')}`,
      });
      expect(none).toEqual({
        status: 'error',
        error: expect.stringContaining(
          'no directory is listed in readiness.repository.allowedLocalRoots',
        ),
      });
    });

    it('does not follow symbolic links out of the tree', async () => {
      symlinkSync(join(outside, 'RUNBOOK.md'), join(allowed, 'svc/RUNBOOK.md'));
      symlinkSync(outside, join(allowed, 'svc/runbooks'));
      const facts = await factsOf(provider({ allowedLocalRoots: [allowed] }), {
        [SOURCE]: `file:${join(allowed, 'svc')}`,
      });
      expect(facts.files.runbooks.map(f => f.path)).toEqual([
        'docs/runbook.md',
      ]);
      expect(facts.tree.skipped).toEqual([
        { path: 'RUNBOOK.md', reason: 'symlink' },
        { path: 'runbooks', reason: 'symlink' },
      ]);
    });

    it('serves a URL location from a local mirror and finds the repository root by .git', async () => {
      mkdirSync(join(allowed, 'mono/.git'), { recursive: true });
      mkdirSync(join(allowed, 'mono/.github'), { recursive: true });
      mkdirSync(join(allowed, 'mono/apps/web'), { recursive: true });
      writeFileSync(
        join(allowed, 'mono/.github/CODEOWNERS'),
        '/apps/web/ @example-org/web\n',
      );
      writeFileSync(join(allowed, 'mono/apps/web/README.md'), '# web\n');
      const p = provider({
        allowedLocalRoots: [allowed],
        mirrors: [
          {
            from: 'https://github.com/example-org/mono/tree/main/',
            to: `file:${join(allowed, 'mono')}/`,
          },
        ],
      });
      const facts = await factsOf(p, {
        [SOURCE]: 'url:https://github.com/example-org/mono/tree/main/apps/web',
      });
      expect(facts.location).toEqual({
        annotation: SOURCE,
        target: 'url:https://github.com/example-org/mono/tree/main/apps/web',
        readFrom: `file:${join(allowed, 'mono/apps/web')}`,
        ref: 'main',
        subpath: 'apps/web',
      });
      expect(facts.codeowners?.locationTeams).toEqual(['example-org/web']);
      expect(facts.readme?.path).toBe('README.md');
    });

    it('does not read an unchanged local tree again', async () => {
      const p = provider({ allowedLocalRoots: [allowed] });
      const annotations = { [SOURCE]: `file:${join(allowed, 'svc')}` };
      await factsOf(p, annotations);
      await factsOf(p, annotations);
      writeFileSync(join(allowed, 'svc/README.md'), '# svc\n');
      const changed = await factsOf(p, annotations);
      expect(changed.readme?.path).toBe('README.md');
      expect((await p.status())[0].details).toEqual({
        reads: 3,
        notModified: 1,
        failures: 0,
      });
    });
  });
});
