import { collectDependencies } from './dependencies';
import { collectDependencyUpdates } from './dependencyUpdates';

const tree = (files: Record<string, string>) =>
  Object.entries(files).map(([path, content]) => ({
    path,
    size: content.length,
    content,
  }));

describe('collectDependencies', () => {
  it('pairs manifests with lockfiles in their directory or above (workspaces)', () => {
    const facts = collectDependencies(
      tree({
        'package.json': '{"devDependencies":{"jest":"29.7.0"}}',
        'yarn.lock': '',
        'packages/app/package.json':
          '{"dependencies":{"@sentry/react":"8.0.0"}}',
        'tools/go.mod':
          'module x\n\nrequire github.com/open-feature/go-sdk v1.11.0\n',
        'Cargo.toml': '[dependencies]\nserde = "1"\n',
      }),
      false,
    );
    expect(facts.manifests.map(m => [m.path, m.lockfile, m.pinned])).toEqual([
      ['package.json', 'yarn.lock', true],
      ['packages/app/package.json', 'yarn.lock', true],
      ['tools/go.mod', null, false],
      ['Cargo.toml', null, false],
    ]);
    expect(facts.unpinnedManifests).toEqual(['tools/go.mod', 'Cargo.toml']);
    expect(facts.sdks.errorTracking.map(s => s.name)).toEqual([
      '@sentry/react',
    ]);
    expect(facts.sdks.featureFlags.map(s => s.name)).toEqual([
      'github.com/open-feature/go-sdk',
    ]);
    expect(facts.ecosystems).toEqual(['cargo', 'gomod', 'npm']);
  });

  it('accepts pip requirements pinned with == in place of a lockfile', () => {
    const pinned = collectDependencies(
      tree({
        'pyproject.toml':
          '[project]\nname = "svc"\ndependencies = [\n  "flask>=3",\n  "sentry-sdk[flask]",\n]\n',
        'requirements.txt':
          '# pinned by pip-compile\nflask==3.0.3\nsentry-sdk==2.7.1 ; python_version >= "3.9"\n',
      }),
      true,
    );
    expect(pinned.unpinnedManifests).toEqual([]);
    expect(pinned.sdks.errorTracking.map(s => s.name)).toContain('sentry-sdk');
    expect(pinned.ecosystems).toEqual(['docker', 'pip']);

    const loose = collectDependencies(
      tree({ 'requirements.txt': 'flask\npsycopg2>=2\n' }),
      false,
    );
    expect(loose.manifests[0]).toMatchObject({
      pinned: false,
      unpinned: ['flask', 'psycopg2'],
    });
  });

  it('fails Maven and Gradle builds with dynamic versions', () => {
    const facts = collectDependencies(
      tree({
        'pom.xml':
          '<project><dependencies><dependency><groupId>io.sentry</groupId><artifactId>sentry</artifactId><version>LATEST</version></dependency></dependencies></project>',
        'build.gradle.kts':
          'dependencies { implementation("org.testcontainers:postgresql:1.19.+") }',
      }),
      false,
    );
    expect(
      facts.manifests.map(m => [m.ecosystem, m.pinned, m.unpinned]),
    ).toEqual([
      ['maven', false, ['io.sentry:sentry']],
      ['gradle', false, ['org.testcontainers:postgresql']],
    ]);
  });
});

describe('collectDependencyUpdates', () => {
  it('lists the ecosystems Dependabot does not update', () => {
    const facts = collectDependencyUpdates(
      tree({
        '.github/dependabot.yml':
          'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n',
      }),
      ['docker', 'gomod'],
    );
    expect(facts).toMatchObject({
      tool: 'dependabot',
      uncoveredEcosystems: ['docker'],
    });
  });

  it('reads Renovate JSON5 and narrows coverage to enabledManagers', () => {
    const facts = collectDependencyUpdates(
      tree({
        'renovate.json5':
          '{\n  // only npm\n  enabledManagers: ["npm"],\n}\n'.replace(
            'enabledManagers',
            '"enabledManagers"',
          ),
      }),
      ['docker', 'npm'],
    );
    expect(facts).toMatchObject({
      tool: 'renovate',
      uncoveredEcosystems: ['docker'],
    });
    expect(collectDependencyUpdates([], ['npm'])).toMatchObject({
      tool: null,
      uncoveredEcosystems: ['npm'],
    });
  });
});
