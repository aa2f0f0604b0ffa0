import { Entity } from '@backstage/catalog-model';
import { evaluateScorecard } from '@readiness/backstage-plugin-readiness-common';
import { readExampleTree } from '../__testUtils__/exampleTrees';
import {
  entityFacts,
  loadRepositoryScorecard,
} from '../__testUtils__/repositoryScorecard';
import { buildRepositoryFacts } from './buildFacts';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production' },
  };
}

interface Fixture {
  name: string;
  ref: string;
  annotations: Record<string, string>;
  dependsOn: string[];
  /** Checks that fail; all others pass. */
  failing?: string[];
  /** Checks that pass; all others fail. */
  passing?: string[];
  notApplicable: string[];
}

/** The three services of checklist section 8, with the annotations the checks read. */
const FIXTURES: Fixture[] = [
  {
    name: 'payments-api',
    ref: 'main',
    annotations: {
      'backstage.io/techdocs-ref': 'dir:.',
      'sentry.io/project-slug': 'payments-api',
    },
    dependsOn: ['database'],
    failing: [],
    notApplicable: [],
  },
  {
    name: 'catalog-search',
    ref: 'main',
    annotations: {
      'backstage.io/techdocs-ref': 'dir:.',
      'sentry.io/project-slug': 'catalog-search',
    },
    dependsOn: ['search-index'],
    failing: [
      'cicd-manifest-validation',
      'cicd-feature-flags',
      'test-e2e-tests',
      'sec-supply-chain-provenance',
    ],
    notApplicable: ['data-migrations-versioned'],
  },
  {
    name: 'legacy-reports',
    ref: 'master',
    annotations: {},
    dependsOn: [],
    passing: ['cicd-pipeline'],
    notApplicable: ['k8s-current-api-versions', 'data-migrations-versioned'],
  },
];

describe('repository facts of the example repositories (checklist section 8)', () => {
  const scorecard = loadRepositoryScorecard();

  it('covers the 24 repository checks and the two catalog checks with repository evidence', () => {
    expect(scorecard.checks).toHaveLength(26);
  });

  it.each(FIXTURES)(
    '$name gets the repository results the checklist expects',
    ({ name, ref, annotations, dependsOn, ...expected }) => {
      const facts = buildRepositoryFacts({
        files: readExampleTree(name),
        location: { ref },
      });
      const { results } = evaluateScorecard(
        scorecard,
        entityFacts(component(name, annotations), facts, dependsOn),
        { now: new Date() },
      );
      const statuses = Object.fromEntries(
        results.map(r => [r.checkId, r.status]),
      );
      const expectedStatuses = Object.fromEntries(
        scorecard.checks.map(c => {
          if (expected.notApplicable.includes(c.id))
            return [c.id, 'not-applicable'];
          if (expected.passing) {
            return [c.id, expected.passing.includes(c.id) ? 'pass' : 'fail'];
          }
          return [c.id, expected.failing!.includes(c.id) ? 'fail' : 'pass'];
        }),
      );
      expect(statuses).toEqual(expectedStatuses);
    },
  );

  it('explains legacy-reports failures with evidence a service owner can act on', () => {
    const facts = buildRepositoryFacts({
      files: readExampleTree('legacy-reports'),
      location: { ref: 'master' },
    });
    const { results } = evaluateScorecard(
      scorecard,
      entityFacts(component('legacy-reports', {}), facts),
      { now: new Date() },
    );
    const evidence = (id: string) =>
      JSON.stringify(results.find(r => r.checkId === id)?.evidence);
    expect(evidence('own-readme')).toContain('readme.length');
    expect(evidence('cfg-dependencies-pinned')).toContain('requirements.txt');
    expect(evidence('cfg-dependencies-pinned')).toContain('python:latest');
    expect(facts.readme).toMatchObject({ path: 'README.md', lines: 3 });
    expect(facts.dependencies.manifests).toEqual([
      expect.objectContaining({
        path: 'requirements.txt',
        pinned: false,
        unpinned: ['flask', 'psycopg2'],
      }),
    ]);
  });
});
