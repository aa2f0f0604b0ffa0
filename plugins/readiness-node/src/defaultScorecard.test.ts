import { Entity } from '@backstage/catalog-model';
import {
  CheckStatus,
  EntityFacts,
  evaluateCheck,
  Scorecard,
  ScorecardDefinitionError,
} from '@readiness/backstage-plugin-readiness-common';
import {
  applyScorecardOverrides,
  loadDefaultScorecard,
  parseDefaultScorecard,
} from './defaultScorecard';

/**
 * Every check of the production-readiness checklist (section 5): id, source,
 * level and, for attestations, the default expiry in days.
 */
const CHECKLIST: Array<[string, string, string, number | null]> = [
  ['own-owner-group', 'catalog', 'bronze', null],
  ['own-description', 'catalog', 'bronze', null],
  ['own-tier', 'catalog', 'bronze', null],
  ['own-source-location', 'catalog', 'bronze', null],
  ['own-readme', 'repository', 'bronze', null],
  ['own-techdocs', 'catalog', 'silver', null],
  ['own-architecture-doc', 'repository', 'silver', null],
  ['own-api-spec', 'catalog', 'silver', null],
  ['own-relations-declared', 'catalog', 'silver', null],
  ['mon-metrics-scraped', 'kubernetes', 'bronze', null],
  ['mon-dashboard-linked', 'catalog', 'bronze', null],
  ['mon-alert-rules', 'kubernetes', 'bronze', null],
  ['mon-slo-defined', 'repository', 'silver', null],
  ['mon-alerts-runbook-url', 'kubernetes', 'gold', null],
  ['mon-golden-signals-dashboard', 'attestation', 'silver', 180],
  ['mon-alert-coverage', 'attestation', 'silver', 180],
  ['mon-operational-review', 'attestation', 'gold', 90],
  ['obs-tracing-enabled', 'kubernetes', 'silver', null],
  ['obs-logs-link', 'catalog', 'silver', null],
  ['obs-error-tracking', 'catalog', 'silver', null],
  ['obs-diagnosability', 'attestation', 'silver', 365],
  ['obs-end-to-end-tracing', 'attestation', 'gold', 365],
  ['oncall-paging-integration', 'catalog', 'bronze', null],
  ['oncall-runbook-present', 'repository', 'bronze', null],
  ['oncall-alerts-routed', 'kubernetes', 'silver', null],
  ['oncall-runbook-content', 'attestation', 'silver', 180],
  ['oncall-rotation-escalation', 'attestation', 'silver', 180],
  ['oncall-team-readiness', 'attestation', 'silver', 180],
  ['oncall-incident-process', 'attestation', 'silver', 365],
  ['k8s-workloads-discoverable', 'kubernetes', 'bronze', null],
  ['k8s-min-replicas', 'kubernetes', 'bronze', null],
  ['k8s-readiness-probe', 'kubernetes', 'bronze', null],
  ['k8s-resource-requests', 'kubernetes', 'bronze', null],
  ['k8s-image-tag-pinned', 'kubernetes', 'bronze', null],
  ['k8s-workload-healthy', 'kubernetes', 'bronze', null],
  ['k8s-liveness-probe-safe', 'kubernetes', 'silver', null],
  ['k8s-memory-limit-equals-request', 'kubernetes', 'silver', null],
  ['k8s-standard-labels', 'kubernetes', 'silver', null],
  ['k8s-graceful-shutdown', 'kubernetes', 'silver', null],
  ['k8s-rolling-update-safe', 'kubernetes', 'silver', null],
  ['k8s-cronjob-guardrails', 'kubernetes', 'silver', null],
  ['k8s-current-api-versions', 'repository', 'silver', null],
  ['k8s-image-digest-pinned', 'kubernetes', 'gold', null],
  ['k8s-resource-sizing', 'attestation', 'silver', 365],
  ['res-pdb', 'kubernetes', 'silver', null],
  ['res-autoscaling', 'kubernetes', 'silver', null],
  ['res-zone-spread', 'kubernetes', 'silver', null],
  ['res-no-pod-local-state', 'kubernetes', 'silver', null],
  ['res-multi-cluster', 'kubernetes', 'gold', null],
  ['res-dependency-failure-handling', 'attestation', 'silver', 365],
  ['res-self-healing', 'attestation', 'silver', 365],
  ['res-load-shedding', 'attestation', 'gold', 365],
  ['res-breaking-point-tested', 'attestation', 'gold', 365],
  ['cicd-pipeline', 'repository', 'bronze', null],
  ['cicd-codeowners', 'repository', 'silver', null],
  ['cicd-versioned-releases', 'repository', 'silver', null],
  ['cicd-smoke-tests', 'repository', 'silver', null],
  ['cicd-automated-deploy', 'kubernetes', 'silver', null],
  ['cicd-progressive-delivery', 'kubernetes', 'gold', null],
  ['cicd-manifest-validation', 'repository', 'gold', null],
  ['cicd-feature-flags', 'repository', 'gold', null],
  ['cicd-rollback-procedure', 'attestation', 'bronze', 180],
  ['cicd-change-management', 'attestation', 'silver', 365],
  ['cicd-backward-compatibility', 'attestation', 'silver', 365],
  ['cicd-lead-time', 'attestation', 'gold', 180],
  ['test-automated-tests', 'repository', 'bronze', null],
  ['test-lint-static-analysis', 'repository', 'silver', null],
  ['test-integration-tests', 'repository', 'silver', null],
  ['test-coverage-gate', 'repository', 'silver', null],
  ['test-e2e-tests', 'repository', 'gold', null],
  ['sec-run-as-non-root', 'kubernetes', 'bronze', null],
  ['sec-secrets-not-inline', 'kubernetes', 'bronze', null],
  ['sec-ingress-tls', 'kubernetes', 'bronze', null],
  ['sec-dependency-scanning', 'repository', 'bronze', null],
  ['sec-restricted-security-context', 'kubernetes', 'silver', null],
  ['sec-service-account', 'kubernetes', 'silver', null],
  ['sec-network-policy', 'kubernetes', 'silver', null],
  ['sec-image-scanning', 'repository', 'silver', null],
  ['sec-data-classification', 'catalog', 'silver', null],
  ['sec-supply-chain-provenance', 'repository', 'gold', null],
  ['sec-authn-authz', 'attestation', 'bronze', 365],
  ['sec-encryption', 'attestation', 'silver', 365],
  ['sec-privacy-compliance', 'attestation', 'silver', 365],
  ['sec-threat-model', 'attestation', 'gold', 365],
  ['sec-security-review', 'attestation', 'gold', 365],
  ['data-migrations-versioned', 'repository', 'silver', null],
  ['data-volume-backups', 'kubernetes', 'silver', null],
  ['data-backup-policy', 'attestation', 'bronze', 365],
  ['data-restore-tested', 'attestation', 'silver', 180],
  ['data-dr-exercise', 'attestation', 'gold', 365],
  ['perf-load-test-scripts', 'repository', 'silver', null],
  ['perf-load-test-executed', 'attestation', 'silver', 180],
  ['perf-capacity-plan', 'attestation', 'silver', 365],
  ['perf-concurrency-and-pools', 'attestation', 'silver', 365],
  ['perf-caching-strategy', 'attestation', 'gold', 365],
  ['cfg-dependencies-pinned', 'repository', 'bronze', null],
  ['cfg-automated-dependency-updates', 'repository', 'silver', null],
  ['cfg-config-documented', 'repository', 'silver', null],
  ['cfg-staging-environment', 'kubernetes', 'silver', null],
  ['cfg-same-image-across-envs', 'kubernetes', 'gold', null],
  ['cfg-externalised-config', 'attestation', 'silver', 365],
];

const DOCS =
  'https://github.com/readiness-backstage/readiness/blob/main/docs/checks.md';

/** Repository checks need a readable source, Kubernetes checks found workloads. */
function prerequisitesOf(id: string, source: string): string[] | undefined {
  if (source === 'repository') return ['own-source-location'];
  if (source === 'kubernetes' && id !== 'k8s-workloads-discoverable') {
    return ['k8s-workloads-discoverable'];
  }
  return undefined;
}

let scorecard: Scorecard;

beforeAll(async () => {
  scorecard = await loadDefaultScorecard();
});

function check(id: string) {
  const found = scorecard.checks.find(c => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

function countBy(key: 'source' | 'level' | 'category') {
  const counts: Record<string, number> = {};
  for (const c of scorecard.checks) counts[c[key]] = (counts[c[key]] ?? 0) + 1;
  return counts;
}

describe('loadDefaultScorecard', () => {
  it('loads one validated scorecard with the checklist header', () => {
    expect(scorecard.id).toBe('production-readiness');
    expect(scorecard.levels).toEqual(['bronze', 'silver', 'gold']);
    expect(scorecard.appliesTo).toEqual({
      kind: ['Component'],
      type: ['service', 'website'],
      lifecycle: ['production'],
    });
    expect(scorecard.targets).toEqual([
      { tier: '1', level: 'silver' },
      { tier: '2', level: 'silver' },
      { tier: '3', level: 'bronze' },
    ]);
  });

  it('has exactly the 101 checks of the checklist, in checklist order', () => {
    expect(scorecard.checks).toHaveLength(101);
    expect(scorecard.checks.map(c => c.id)).toEqual(
      CHECKLIST.map(([id]) => id),
    );
  });

  it('has the counts per source, level and category of the checklist', () => {
    expect(countBy('source')).toEqual({
      kubernetes: 34,
      repository: 24,
      catalog: 12,
      attestation: 31,
    });
    expect(countBy('level')).toEqual({ bronze: 26, silver: 57, gold: 18 });
    expect(countBy('category')).toEqual({
      'Ownership & documentation': 9,
      'Alerting & monitoring': 8,
      'Observability & tracing': 5,
      'On-call & incident response': 7,
      'Deployment & Kubernetes hygiene': 15,
      'Resilience & scaling': 9,
      'Release & CI/CD': 12,
      'Quality & testing': 5,
      'Security & compliance': 15,
      'Data, backup & DR': 5,
      'Performance & capacity': 5,
      'Configuration & dependencies': 6,
    });
  });

  it.each(CHECKLIST)(
    '%s has source %s, level %s and its expiry',
    (id, source, level, expiry) => {
      const c = check(id);
      expect(c.source).toBe(source);
      expect(c.level).toBe(level);
      expect(c.attestation?.expiryDays ?? null).toBe(expiry);
      expect(c.remediation?.link).toBe(`${DOCS}#${id}`);
      expect(c.remediation?.text.trim().length).toBeGreaterThan(40);
      expect(c.description.startsWith(c.title)).toBe(true);
      expect(c.requires).toEqual(prerequisitesOf(id, source));
    },
  );

  it('names the file and line of an invalid check list', () => {
    const header = [
      'scorecards:',
      '  - id: demo',
      '    title: Demo',
      '    levels: [bronze]',
      '    checks:',
    ].join('\n');
    const good =
      '- id: a\n  title: A\n  category: C\n  level: bronze\n  description: A\n  source: catalog\n  condition: { fact: entity.kind, eq: Component }\n';
    const bad =
      '# comment\n- id: b\n  title: B\n  category: C\n  level: platinum\n  description: B\n  source: catalog\n  condition: { fact: entity.kind, eq: Component }\n';
    const error = thrown(() =>
      parseDefaultScorecard({ file: 'demo.yaml', text: header }, [
        { file: 'demo/01.yaml', text: good },
        { file: 'demo/02.yaml', text: bad },
      ]),
    );
    expect(error).toBeInstanceOf(ScorecardDefinitionError);
    expect((error as ScorecardDefinitionError).issues).toEqual([
      expect.objectContaining({
        file: 'demo/02.yaml',
        check: 'b',
        field: 'level',
        line: 5,
      }),
    ]);
    expect(error.message).toMatch(
      /^demo\/02\.yaml: scorecard "demo", check "b": field "level": .*\(line 5\)$/,
    );
    const syntax = thrown(() =>
      parseDefaultScorecard({ file: 'demo.yaml', text: header }, [
        { file: 'demo/01.yaml', text: good },
        { file: 'demo/02.yaml', text: '- id: c\n  title: [unclosed\n' },
      ]),
    );
    expect((syntax as ScorecardDefinitionError).issues[0]).toMatchObject({
      file: 'demo/02.yaml',
      line: expect.any(Number),
      message: expect.stringMatching(/^YAML syntax error/),
    });
    expect(() =>
      parseDefaultScorecard(
        { file: 'demo.yaml', text: 'scorecards: []\n' },
        [],
      ),
    ).toThrow(/must end with the key "checks:"/);
  });
});

describe('applyScorecardOverrides', () => {
  it("disables a check and drops it from other checks' requires", () => {
    const result = applyScorecardOverrides(scorecard, {
      'own-source-location': { enabled: false },
      'cicd-lead-time': { enabled: false },
    });
    expect(result.checks).toHaveLength(99);
    expect(result.checks.map(c => c.id)).not.toContain('own-source-location');
    expect(
      result.checks.find(c => c.id === 'own-readme')?.requires,
    ).toBeUndefined();
    expect(
      result.checks.find(c => c.id === 'k8s-min-replicas')?.requires,
    ).toEqual(['k8s-workloads-discoverable']);
    // the input is not changed
    expect(scorecard.checks).toHaveLength(101);
    expect(check('own-readme').requires).toEqual(['own-source-location']);
  });

  it('moves a check to another level and replaces its applicability', () => {
    const result = applyScorecardOverrides(scorecard, {
      'res-multi-cluster': { level: 'silver', applicability: { tier: ['1'] } },
      'own-tier': { enabled: true },
    });
    const changed = result.checks.find(c => c.id === 'res-multi-cluster');
    expect(changed?.level).toBe('silver');
    expect(changed?.applicability).toEqual({ tier: ['1'] });
    expect(result.checks).toHaveLength(101);
    expect(check('res-multi-cluster').level).toBe('gold');
  });

  it('rejects an unknown check, level or field, naming the check and the field', () => {
    expect(() =>
      applyScorecardOverrides(scorecard, {
        'no-such-check': { enabled: false },
      }),
    ).toThrow(/"no-such-check".*no check with this id/);
    expect(() =>
      applyScorecardOverrides(scorecard, { 'own-tier': { level: 'platinum' } }),
    ).toThrow(
      /"own-tier": field "level" is "platinum", which is not one of the levels bronze, silver, gold/,
    );
    expect(() =>
      applyScorecardOverrides(scorecard, {
        'own-tier': { enbled: false } as any,
      }),
    ).toThrow(/"own-tier": field "enbled" is not a known field/);
    expect(() =>
      applyScorecardOverrides(scorecard, {
        'own-tier': { enabled: 'no' } as any,
      }),
    ).toThrow(/"own-tier": field "enabled" must be true or false/);
    expect(() =>
      applyScorecardOverrides(scorecard, {
        'own-tier': { applicability: { type: 'service' } as any },
      }),
    ).toThrow(/check "own-tier": field "applicability.type"/);
  });
});

// --- The catalog checks against the fixtures of checklist section 8 --------

const NOW = new Date('2026-01-15T12:00:00Z');

const TEAM_PAYMENTS = {
  ref: 'group:default/team-payments',
  exists: true,
  kind: 'Group',
  type: 'team',
  members: 5,
  email: 'team-payments@example.com',
  links: 0,
};

const TEAM_DISCOVERY = {
  ref: 'group:default/team-discovery',
  exists: true,
  kind: 'Group',
  type: 'team',
  members: 4,
  email: 'team-discovery@example.com',
  links: 0,
};

const TECHDOCS_AT_ROOT = [
  {
    path: 'mkdocs.yml',
    dir: '.',
    docsDir: 'docs',
    hasIndex: true,
    refs: ['dir:.', 'dir:./'],
  },
];

function component(metadata: Entity['metadata'], spec: Entity['spec']): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata,
    spec,
  };
}

function ok(data: unknown) {
  return { status: 'ok' as const, data, collectedAt: NOW.toISOString() };
}

/** 8.1 payments-api, expected level gold. */
const PAYMENTS_API: EntityFacts = {
  entity: component(
    {
      name: 'payments-api',
      description:
        'Authorises, captures and refunds card payments for the web-shop checkout.',
      annotations: {
        'backstage.io/source-location':
          'url:https://github.com/example-org/payments-api/tree/main/',
        'backstage.io/techdocs-ref': 'dir:.',
        'backstage.io/kubernetes-id': 'payments-api',
        'pagerduty.com/service-id': 'PDEMO01',
        'grafana/dashboard-selector': "tags @> 'payments-api'",
        'sentry.io/project-slug': 'payments-api',
        'readiness/tier': '1',
        'readiness/data-classification': 'confidential',
        'readiness/personal-data': 'personal',
      },
      links: [
        {
          url: 'https://grafana.example.com/d/payments-api',
          title: 'Payments API overview',
          type: 'dashboard',
        },
        {
          url: 'https://logs.example.com/s/payments-api',
          title: 'Payments API logs',
          type: 'logs',
        },
      ],
    },
    {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-payments',
      system: 'checkout',
      providesApis: ['payments-api-v2'],
      dependsOn: [
        'resource:default/payments-db',
        'component:default/fraud-scoring',
      ],
    },
  ),
  sources: {
    catalog: ok({
      owner: TEAM_PAYMENTS,
      system: {
        ref: 'system:default/checkout',
        exists: true,
        kind: 'System',
        links: 0,
      },
      providesApis: [
        {
          ref: 'api:default/payments-api-v2',
          exists: true,
          kind: 'API',
          type: 'openapi',
          definitionLength: 5120,
        },
      ],
      consumesApis: [],
      dependsOn: [
        {
          ref: 'resource:default/payments-db',
          exists: true,
          kind: 'Resource',
          type: 'database',
        },
        {
          ref: 'component:default/fraud-scoring',
          exists: true,
          kind: 'Component',
          type: 'service',
        },
      ],
    }),
    repository: ok({
      tree: { fileCount: 48 },
      techdocs: TECHDOCS_AT_ROOT,
      dependencies: {
        sdks: {
          errorTracking: [
            { ecosystem: 'npm', name: '@sentry/node', file: 'package.json' },
          ],
        },
      },
    }),
  },
};

/** 8.2 catalog-search, expected level silver. */
const CATALOG_SEARCH: EntityFacts = {
  entity: component(
    {
      name: 'catalog-search',
      description:
        'Full-text and faceted product search API used by the shop front end.',
      annotations: {
        'backstage.io/source-location':
          'url:https://github.com/example-org/catalog-search/tree/main/',
        'backstage.io/techdocs-ref': 'dir:.',
        'backstage.io/kubernetes-id': 'catalog-search',
        'opsgenie.com/component-selector': 'tag:"service:catalog-search"',
        'grafana/overview-dashboard': 'catalog-search-overview',
        'sentry.io/project-slug': 'catalog-search',
        'readiness/tier': '2',
        'readiness/data-classification': 'internal',
        'readiness/personal-data': 'none',
      },
      links: [
        {
          url: 'https://logs.example.com/s/catalog-search',
          title: 'Search logs',
          type: 'logs',
        },
      ],
    },
    {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-discovery',
      system: 'shop-discovery',
      providesApis: ['catalog-search-v1'],
      dependsOn: [
        'resource:default/search-cluster',
        'component:default/product-catalog',
      ],
    },
  ),
  sources: {
    catalog: ok({
      owner: TEAM_DISCOVERY,
      system: {
        ref: 'system:default/shop-discovery',
        exists: true,
        kind: 'System',
        links: 0,
      },
      providesApis: [
        {
          ref: 'api:default/catalog-search-v1',
          exists: true,
          kind: 'API',
          type: 'openapi',
          definitionLength: 2210,
        },
      ],
      consumesApis: [],
      dependsOn: [
        {
          ref: 'resource:default/search-cluster',
          exists: true,
          kind: 'Resource',
          type: 'search-index',
        },
        {
          ref: 'component:default/product-catalog',
          exists: true,
          kind: 'Component',
          type: 'service',
        },
      ],
    }),
    repository: ok({
      tree: { fileCount: 31 },
      techdocs: TECHDOCS_AT_ROOT,
      dependencies: { sdks: { errorTracking: [] } },
    }),
  },
};

/** 8.3 legacy-reports, expected level none. */
const LEGACY_REPORTS: EntityFacts = {
  entity: component(
    {
      name: 'legacy-reports',
      annotations: {
        'backstage.io/source-location':
          'url:https://github.com/example-org/legacy-reports/tree/master/',
        'backstage.io/kubernetes-id': 'legacy-reports',
      },
    },
    { type: 'service', lifecycle: 'production', owner: 'user:default/jdoe' },
  ),
  sources: {
    catalog: ok({
      owner: {
        ref: 'user:default/jdoe',
        exists: true,
        kind: 'User',
        members: 0,
        email: 'jdoe@example.com',
        links: 0,
      },
      system: null,
      providesApis: [],
      consumesApis: [],
      dependsOn: [],
    }),
    repository: ok({
      tree: { fileCount: 5 },
      techdocs: [],
      dependencies: { sdks: { errorTracking: [] } },
    }),
  },
};

const CATALOG_CHECKS = CHECKLIST.filter(
  ([, source]) => source === 'catalog',
).map(([id]) => id);

/**
 * Expected statuses from section 8: every catalog check passes for
 * payments-api and catalog-search (neither lists one as failing). For
 * legacy-reports the bronze table gives own-owner-group, own-description,
 * own-tier, mon-dashboard-linked, oncall-paging-integration (fail) and
 * own-source-location (pass); the silver ones follow from its entity, which
 * has no techdocs-ref, APIs, system, dependencies, links or annotations.
 */
const EXPECTED: Record<string, Record<string, CheckStatus>> = {
  'own-owner-group': { payments: 'pass', search: 'pass', legacy: 'fail' },
  'own-description': { payments: 'pass', search: 'pass', legacy: 'fail' },
  'own-tier': { payments: 'pass', search: 'pass', legacy: 'fail' },
  'own-source-location': { payments: 'pass', search: 'pass', legacy: 'pass' },
  'own-techdocs': { payments: 'pass', search: 'pass', legacy: 'fail' },
  'own-api-spec': { payments: 'pass', search: 'pass', legacy: 'fail' },
  'own-relations-declared': {
    payments: 'pass',
    search: 'pass',
    legacy: 'fail',
  },
  'mon-dashboard-linked': { payments: 'pass', search: 'pass', legacy: 'fail' },
  'obs-logs-link': { payments: 'pass', search: 'pass', legacy: 'fail' },
  'obs-error-tracking': { payments: 'pass', search: 'pass', legacy: 'fail' },
  'oncall-paging-integration': {
    payments: 'pass',
    search: 'pass',
    legacy: 'fail',
  },
  'sec-data-classification': {
    payments: 'pass',
    search: 'pass',
    legacy: 'fail',
  },
};

function evaluate(id: string, facts: EntityFacts) {
  return evaluateCheck(check(id), facts, { now: NOW, prerequisites: {} });
}

describe('catalog checks against the checklist fixtures', () => {
  it('covers every catalog check', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CATALOG_CHECKS].sort());
  });

  it.each(CATALOG_CHECKS)('%s gives the expected status per fixture', id => {
    expect({
      payments: evaluate(id, PAYMENTS_API).status,
      search: evaluate(id, CATALOG_SEARCH).status,
      legacy: evaluate(id, LEGACY_REPORTS).status,
    }).toEqual(EXPECTED[id]);
  });

  it('explains why legacy-reports fails own-owner-group', () => {
    const result = evaluate('own-owner-group', LEGACY_REPORTS);
    expect(result.evidence[0].message).toContain('catalog.owner.kind = "User"');
  });

  it('fails a dangling owner and a description that only repeats the title', () => {
    const dangling = withCatalog(PAYMENTS_API, {
      owner: { ref: 'group:default/team-gone', exists: false },
    });
    expect(evaluate('own-owner-group', dangling).status).toBe('fail');

    const title = 'Payments API for the web-shop checkout service';
    const repeated: EntityFacts = {
      ...PAYMENTS_API,
      entity: {
        ...PAYMENTS_API.entity,
        metadata: {
          ...PAYMENTS_API.entity.metadata,
          title,
          description: ` ${title} `,
        },
      },
    };
    expect(evaluate('own-description', repeated).status).toBe('fail');
  });

  it('accepts a Group whose only contact is a link', () => {
    const facts = withCatalog(PAYMENTS_API, {
      owner: { ...TEAM_PAYMENTS, email: undefined, links: 1 },
    });
    expect(evaluate('own-owner-group', facts).status).toBe('pass');
  });

  it('is unknown, not fail, when the repository could not be read', () => {
    const facts: EntityFacts = {
      ...PAYMENTS_API,
      sources: {
        ...PAYMENTS_API.sources,
        repository: { status: 'error', error: 'github.com timed out' },
      },
    };
    expect(evaluate('own-source-location', facts).status).toBe('unknown');
    expect(evaluate('own-techdocs', facts).status).toBe('unknown');
    // the annotation decides obs-error-tracking without the repository
    expect(evaluate('obs-error-tracking', facts).status).toBe('pass');
  });

  it('does not apply own-api-spec to websites', () => {
    const website: EntityFacts = {
      ...LEGACY_REPORTS,
      entity: {
        ...LEGACY_REPORTS.entity,
        spec: { ...LEGACY_REPORTS.entity.spec, type: 'website' },
      },
    };
    expect(evaluate('own-api-spec', website).status).toBe('not-applicable');
  });
});

describe('stateful-only attestations', () => {
  const attested = (entityRef: string) => ({
    now: NOW,
    prerequisites: {},
    attestations: [
      {
        id: '1',
        entityRef,
        checkId: 'data-backup-policy',
        attestedBy: 'user:default/alice',
        attestedAt: '2026-01-01T00:00:00Z',
        expiresAt: '2027-01-01T00:00:00Z',
        evidenceUrl: 'https://wiki.example.com/backups',
      },
    ],
  });

  it('applies to a service that depends on a datastore', () => {
    const c = check('data-backup-policy');
    const k8s = {
      kubernetes: ok({ summary: { mountsPersistentVolumeClaims: false } }),
    };
    const payments = {
      ...PAYMENTS_API,
      sources: { ...PAYMENTS_API.sources, ...k8s },
    };
    expect(evaluateCheck(c, payments, { now: NOW }).status).toBe('fail');
    expect(
      evaluateCheck(c, payments, attested('component:default/payments-api'))
        .status,
    ).toBe('pass');
  });

  it('applies to a service whose pods mount a PersistentVolumeClaim', () => {
    const c = check('data-restore-tested');
    const legacy = {
      ...LEGACY_REPORTS,
      sources: {
        ...LEGACY_REPORTS.sources,
        kubernetes: ok({ summary: { mountsPersistentVolumeClaims: true } }),
      },
    };
    expect(evaluateCheck(c, legacy, { now: NOW }).status).toBe('fail');
    const stateless = {
      ...LEGACY_REPORTS,
      sources: {
        ...LEGACY_REPORTS.sources,
        kubernetes: ok({ summary: { mountsPersistentVolumeClaims: false } }),
      },
    };
    expect(evaluateCheck(c, stateless, { now: NOW }).status).toBe(
      'not-applicable',
    );
  });
});

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

function withCatalog(
  facts: EntityFacts,
  patch: Record<string, unknown>,
): EntityFacts {
  const catalog = facts.sources.catalog;
  const data =
    catalog?.status === 'ok' ? (catalog.data as Record<string, unknown>) : {};
  return {
    ...facts,
    sources: { ...facts.sources, catalog: ok({ ...data, ...patch }) },
  };
}
