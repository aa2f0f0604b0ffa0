import { describeDocument, isDocumentPath, semverHeadings } from './markdown';
import { globs, PathMatcher } from './paths';
import { FileEntry, RepositoryFileGroups } from './types';

/** A file with its size resolved. */
export interface TreeFile {
  path: string;
  size: number;
  content?: string;
}

type GroupName = keyof RepositoryFileGroups;

interface GroupRule {
  /** Globs relative to the source location (checklist section 5). */
  paths: PathMatcher;
  /** Further files recognised by content. */
  content?: (file: TreeFile) => boolean;
}

const GO_INTEGRATION_TAG =
  /^\s*(\/\/go:build\s+.*\bintegration\b|\/\/\s*\+build\s+.*\bintegration\b)/m;
const K6_IMPORT = /(from\s+['"]k6\/http['"]|require\(\s*['"]k6\/http['"]\s*\))/;

/** The named groups of `repository.files` and how files join them. */
export const GROUP_RULES: Record<GroupName, GroupRule> = {
  readme: { paths: globs('README.md', 'README.rst', 'README.adoc', 'README') },
  developmentDocs: {
    paths: globs('CONTRIBUTING.md', 'docs/development*.md'),
  },
  architectureDocs: {
    paths: globs(
      'ARCHITECTURE.md',
      'docs/**/architecture*.md',
      'docs/adr/**/*.md',
      'docs/**/decisions/*.md',
      'docs/**/*.{drawio,puml,mmd,dsl}',
    ),
  },
  runbooks: {
    paths: globs(
      'RUNBOOK.md',
      'docs/runbook*.md',
      'docs/runbooks/**/*.md',
      'runbooks/**/*.md',
      'docs/operations/**/*.md',
      'docs/playbook*.md',
    ),
  },
  changelogs: { paths: globs('CHANGELOG*') },
  releaseConfigs: {
    paths: globs(
      'release-please-config.json',
      '.releaserc*',
      'release.config.*',
      '.changeset/config.json',
      '.goreleaser.{yaml,yml}',
    ),
  },
  testFiles: {
    paths: globs(
      '**/*.{test,spec}.{ts,tsx,js,jsx,mjs,cjs,mts,cts}',
      '**/__tests__/**',
      '**/*_test.go',
      '**/test_*.py',
      '**/*_test.py',
      '**/src/test/**',
      'spec/**/*_spec.rb',
      '**/spec/**/*_spec.rb',
    ),
  },
  integrationTests: {
    paths: globs(
      '**/{test,tests,__tests__,spec}/integration/**',
      '**/{integration-tests,integration_tests,integrationtests}/**',
      '**/integration/**/*.{test,spec}.*',
      '**/integration/**/*_test.*',
      '**/integration/**/test_*.py',
      '**/*.integration.{test,spec}.*',
      '**/*_integration_test.go',
      '**/src/integrationTest/**',
      '**/*IT.{java,kt}',
    ),
    content: f =>
      /_test\.go$/.test(f.path) && GO_INTEGRATION_TAG.test(f.content ?? ''),
  },
  e2eTests: {
    paths: globs(
      'e2e/**',
      'tests/e2e/**',
      'cypress.config.*',
      'playwright.config.*',
      '**/*.e2e.{ts,js}',
      '**/*.e2e-spec.ts',
    ),
  },
  lintConfigs: {
    paths: globs(
      '**/eslint.config.*',
      '**/.eslintrc*',
      '**/biome.json',
      '**/biome.jsonc',
      '**/.golangci.{yaml,yml,toml,json}',
      '**/ruff.toml',
      '**/.ruff.toml',
      '**/.flake8',
      '**/.pylintrc',
      '**/pylintrc',
      '**/checkstyle*.xml',
      '**/detekt.{yml,yaml}',
      '**/sonar-project.properties',
    ),
    content: f =>
      (/(^|\/)pyproject\.toml$/.test(f.path) &&
        /^\s*\[tool\.(ruff|pylint|flake8)/m.test(f.content ?? '')) ||
      (/(^|\/)(setup\.cfg|tox\.ini)$/.test(f.path) &&
        /^\s*\[flake8\]/m.test(f.content ?? '')),
  },
  loadTests: {
    paths: globs(
      '**/*.k6.{js,ts}',
      '**/locustfile*.py',
      '**/*Simulation.{scala,java,kt}',
      '**/*.jmx',
      '**/artillery*.{yaml,yml}',
      '{load-tests,loadtest,loadtests,perf}/**',
      '**/{load-tests,loadtest,loadtests,perf}/**',
    ),
    content: f =>
      /\.(js|ts|mjs)$/.test(f.path) && K6_IMPORT.test(f.content ?? ''),
  },
  migrations: {
    paths: globs(
      'migrations/**',
      '**/migrations/**/*.{sql,js,ts,py,go,rb,xml,yaml,yml,json}',
      'db/migrate/*.rb',
      '**/db/migrate/*.rb',
      '**/alembic/versions/*.py',
      '**/src/main/resources/db/migration/V*__*.sql',
      '**/db.changelog*',
      '**/prisma/migrations/**',
      '**/*.up.sql',
      '*/migrations/0*.py',
    ),
  },
  configDocs: {
    paths: globs(
      '**/.env.{example,sample,template,dist}',
      'config/*.example.*',
      'docs/**/configuration*.md',
    ),
  },
  dockerfiles: {
    paths: globs(
      '**/Dockerfile',
      '**/Dockerfile.*',
      '**/*.Dockerfile',
      '**/Containerfile',
      '**/Containerfile.*',
    ),
  },
  techdocsConfigs: { paths: globs('**/mkdocs.{yml,yaml}') },
  securityPolicies: {
    paths: globs('SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md'),
  },
  snykPolicies: { paths: globs('**/.snyk') },
  renovateConfigs: {
    paths: globs(
      'renovate.json',
      'renovate.json5',
      '.renovaterc',
      '.renovaterc.json',
      '.renovaterc.json5',
      '.github/renovate.{json,json5}',
      '.gitlab/renovate.{json,json5}',
    ),
  },
  dependabotConfigs: { paths: globs('.github/dependabot.{yml,yaml}') },
  helmCharts: { paths: globs('**/Chart.yaml') },
  kustomizations: {
    paths: globs('**/kustomization.{yaml,yml}', '**/Kustomization'),
  },
  apiSpecs: {
    paths: globs('**/*.proto', '**/*.{graphql,gql}'),
  },
};

/** A file as listed in a group, with document details where they apply. */
export function fileEntry(file: TreeFile, group: GroupName): FileEntry {
  const entry: FileEntry = { path: file.path, size: file.size };
  if (file.content !== undefined && isDocumentPath(file.path)) {
    Object.assign(entry, describeDocument(file.path, file.content));
    if (group === 'changelogs') {
      entry.versions = semverHeadings(entry.headings ?? []);
    }
  }
  if (group === 'architectureDocs') {
    entry.kind = /\.md$/i.test(file.path) ? 'document' : 'diagram';
  }
  return entry;
}

/**
 * Sorts the files of a tree into the named groups. `extra` adds files found
 * by other collectors (e.g. API specs recognised by their content).
 */
export function collectGroups(
  files: TreeFile[],
  extra: Partial<Record<GroupName, string[]>> = {},
): RepositoryFileGroups {
  const groups = Object.fromEntries(
    Object.keys(GROUP_RULES).map(name => [name, [] as FileEntry[]]),
  ) as unknown as RepositoryFileGroups;
  const extraSets = new Map(
    Object.entries(extra).map(([name, paths]) => [name, new Set(paths)]),
  );
  for (const file of files) {
    for (const [name, rule] of Object.entries(GROUP_RULES) as Array<
      [GroupName, GroupRule]
    >) {
      if (
        rule.paths(file.path) ||
        rule.content?.(file) ||
        extraSets.get(name)?.has(file.path)
      ) {
        groups[name].push(fileEntry(file, name));
      }
    }
  }
  return groups;
}
