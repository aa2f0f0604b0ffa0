import { buildRepositoryFacts } from './buildFacts';

const gates = (entries: Record<string, string>) =>
  buildRepositoryFacts({
    files: Object.entries(entries).map(([path, content]) => ({
      path,
      content,
    })),
  }).coverageGates.map(g => [g.path, g.tool, g.threshold]);

describe('coverage gates', () => {
  it('reads the lowest threshold of each tool', () => {
    expect(
      gates({
        'vitest.config.ts':
          'export default { test: { coverage: { thresholds: { lines: 85, branches: 72 } } } }',
        '.nycrc': '{"check-coverage": true, "lines": 90}',
        'pyproject.toml': '[tool.coverage.report]\nfail_under = 65\n',
        'pom.xml':
          '<plugin><artifactId>jacoco-maven-plugin</artifactId><goal>check</goal><minimum>0.80</minimum></plugin>',
        '.github/workflows/ci.yml':
          'on: pull_request\njobs:\n  t:\n    steps:\n      - run: pytest --cov=app --cov-fail-under=75\n',
      }),
    ).toEqual([
      ['.nycrc', 'nyc', 90],
      ['pom.xml', 'jacoco', 80],
      ['pyproject.toml', 'coverage.py', 65],
      ['vitest.config.ts', 'vitest', 72],
      ['.github/workflows/ci.yml', 'pytest-cov', 75],
    ]);
  });

  it('keeps a gate whose number cannot be read, with a null threshold', () => {
    expect(
      gates({
        'codecov.yml':
          'coverage:\n  status:\n    project:\n      default:\n        target: auto\n',
      }),
    ).toEqual([['codecov.yml', 'codecov', null]]);
  });
});
