import fc from 'fast-check';
import { buildRepositoryFacts } from './buildFacts';

/**
 * Files whose names every fact collector looks at, with any content: the
 * builder must turn them into facts without throwing, whatever they hold.
 */
const paths = [
  'README.md',
  'CHANGELOG.md',
  'Dockerfile',
  'api/Dockerfile',
  '.github/workflows/ci.yml',
  '.gitlab-ci.yml',
  'Jenkinsfile',
  '.circleci/config.yml',
  'azure-pipelines.yml',
  'bitbucket-pipelines.yml',
  '.buildkite/pipeline.yml',
  '.tekton/pipeline.yaml',
  '.github/CODEOWNERS',
  'package.json',
  'package-lock.json',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'requirements.txt',
  'pyproject.toml',
  'renovate.json',
  'renovate.json5',
  '.github/dependabot.yml',
  'k8s/deployment.yaml',
  'chart/Chart.yaml',
  'chart/templates/job.yaml',
  'kustomization.yaml',
  'slo.yaml',
  'openapi.yaml',
  'mkdocs.yml',
  'jest.config.js',
  '.nycrc',
  'codecov.yml',
  'docs/runbook.md',
  'catalog-info.yaml',
];

/** Text that looks like the formats those files use, or like nothing at all. */
const content = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map(v => JSON.stringify(v)),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'FROM ',
          'ARG ',
          'USER ',
          'apiVersion: ',
          'kind: ',
          '  image: ',
          '- run: ',
          '  uses: ',
          'on: ',
          'jobs: ',
          '  needs: ',
          '* @',
          '# ',
          '## ',
          '"dependencies": ',
          'require ',
          '<version>',
          '{{ ',
          '&a ',
          '*a ',
          '---',
        ),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 12 },
    )
    .map(lines => lines.map(([a, b]) => `${a}${b}`).join('\n')),
);

describe('buildRepositoryFacts on arbitrary content', () => {
  it('never throws, whatever the well-known files hold', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...paths), content), {
          selector: ([path]) => path,
          maxLength: 12,
        }),
        files => {
          const facts = buildRepositoryFacts({
            files: files.map(([path, text]) => ({ path, content: text })),
          });
          expect(facts.tree.fileCount).toBe(files.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
