import {
  mergeScorecards,
  parseScorecardDocument,
  validateScorecards,
} from './parse';
import { ScorecardDefinitionError } from './errors';
import { FILE, doc, errorOf, validCheck } from './__fixtures__/documents';

describe('parseScorecardDocument', () => {
  it('returns typed scorecards with normalised forEach and string tiers', () => {
    const [scorecard] = parseScorecardDocument(doc(validCheck), FILE);
    expect(scorecard.targets).toEqual([{ tier: '1', level: 'silver' }]);
    expect(scorecard.checks[0]).toEqual({
      id: 'k8s-min-replicas',
      title: 'Every workload runs at least two replicas.',
      category: 'Deployment & Kubernetes hygiene',
      level: 'bronze',
      description: 'Two replicas or more.',
      source: 'kubernetes',
      forEach: { in: 'kubernetes.workloads' },
      condition: { fact: '$.spec.replicas', gte: 2 },
    });
  });

  it.each<[string, string, string]>([
    [
      'a level that is not a scorecard level',
      validCheck.replace('level: bronze', 'level: platinum'),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "level": "platinum" is not one of the scorecard levels bronze, silver, gold (line 11)',
    ],
    [
      'an unknown key',
      `${validCheck}        severity: high\n`,
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "severity": is not a known field (line 16)',
    ],
    [
      'a missing condition',
      validCheck.replace(/ {8}condition.*\n/, ''),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition": is required unless source is attestation (line 8)',
    ],
    [
      'an invalid regex',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        "{ fact: $.image, matches: '(latest' }",
      ),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition.matches": is not a valid regular expression: Invalid regular expression: /(latest/: Unterminated group (line 15)',
    ],
    [
      'a misspelt operator deep inside a condition',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        '{ all: [ { fact: $.spec.replicas, gte: 2 }, { fact: $.spec.replicas, atLeast: 2 } ] }',
      ),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition.all[1].atLeast": is not a known field (line 15)',
    ],
    [
      'an operand of the wrong type',
      validCheck.replace('gte: 2', 'gte: [2]'),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition.gte": must be a number, a string or { fact: <path> } (line 15)',
    ],
    [
      'an object that is no condition',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        '{ path: $.spec.replicas }',
      ),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition": must be a condition: an object with one of fact, all, any, not, if, every, some, count; found path (line 15)',
    ],
    [
      'two kinds of condition in one object',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        '{ fact: $.spec.replicas, gte: 2, any: [] }',
      ),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition": combines fact and any in one condition; wrap them in all: [...] (line 15)',
    ],
    [
      'a relative path outside forEach',
      validCheck.replace(/ {8}forEach.*\n/, ''),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition.fact": "$.spec.replicas" is relative ($) but is not inside forEach or a quantifier (line 14)',
    ],
    [
      'a malformed fact path',
      validCheck.replace(
        '$.spec.replicas',
        "'entity.metadata.annotations[backstage.io/x]'",
      ),
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition.fact": is not a valid fact path: "entity.metadata.annotations[backstage.io/x]" has an invalid bracket segment; use ["key"], [\'key\'] or [index] (line 15)',
    ],
    [
      'an unknown requires id',
      `${validCheck}        requires: [k8s-workloads-discoverable]\n`,
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "requires[0]": "k8s-workloads-discoverable" is not a check of this scorecard (line 16)',
    ],
    [
      'an attestation check with a condition',
      validCheck
        .replace('source: kubernetes', 'source: attestation')
        .replace(/ {8}forEach.*\n/, ''),
      [
        'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "attestation": is required when source is attestation (line 8)',
        'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "condition": is not allowed when source is attestation (line 14)',
      ].join('\n'),
    ],
  ])(
    'rejects %s, naming file, scorecard, check and field',
    (_, lines, message) => {
      const error = errorOf(() => parseScorecardDocument(doc(lines), FILE));
      expect(error.name).toBe('ScorecardDefinitionError');
      expect(error.message).toBe(message);
    },
  );

  it.each([
    [
      'an unclosed flow sequence',
      'scorecards:\n  - id: x\n    levels: [bronze\n',
      'scorecards.yaml: YAML syntax error: ',
    ],
    [
      'a duplicate key',
      'scorecards:\n  - id: x\n    id: y\n',
      'scorecards.yaml: YAML syntax error: Map keys must be unique (line 3, column 5)',
    ],
  ])('reports YAML syntax errors with line: %s', (_, text, start) => {
    const error = errorOf(() => parseScorecardDocument(text, FILE));
    expect(error.message.startsWith(start)).toBe(true);
    expect(error.issues[0].line).toBeGreaterThan(0);
  });

  it('rejects a document that is not a mapping with scorecards', () => {
    expect(() => parseScorecardDocument('', FILE)).toThrow(
      'scorecards.yaml: the document must be a mapping with a "scorecards" list',
    );
    expect(() => parseScorecardDocument('checks: []', FILE)).toThrow(
      'scorecards.yaml: field "scorecards": is required (line 1)\nscorecards.yaml: field "checks": is not a known field (line 1)',
    );
  });
});

describe('validateScorecards', () => {
  const value = {
    scorecards: [
      {
        id: 'production-readiness',
        title: 'Production readiness',
        levels: ['bronze'],
        checks: [
          {
            id: 'oncall-runbook-content',
            title: 'Runbook reviewed.',
            category: 'On-call',
            level: 'bronze',
            description: 'Reviewed in the last 180 days.',
            source: 'attestation',
            attestation: { expiryDays: 0 },
          },
        ],
      },
    ],
  };

  it('validates parsed values, without line numbers', () => {
    expect(() =>
      validateScorecards(value, { file: 'app-config.yaml' }),
    ).toThrow(
      new ScorecardDefinitionError([
        {
          file: 'app-config.yaml',
          scorecard: 'production-readiness',
          check: 'oncall-runbook-content',
          field: 'attestation.expiryDays',
          message: 'must be a whole number of days, 1 or more',
        },
      ]),
    );
  });

  it('accepts a bare list of scorecards', () => {
    const fixed = structuredClone(value.scorecards);
    fixed[0].checks[0].attestation.expiryDays = 180;
    expect(validateScorecards(fixed, { file: 'app-config.yaml' })).toHaveLength(
      1,
    );
  });
});

describe('mergeScorecards', () => {
  const [scorecard] = parseScorecardDocument(doc(validCheck), FILE);

  it('combines scorecards from several sources', () => {
    const other = { ...scorecard, id: 'security' };
    expect(
      mergeScorecards([
        { file: 'a.yaml', scorecards: [scorecard] },
        { file: 'b.yaml', scorecards: [other] },
      ]).map(s => s.id),
    ).toEqual(['production-readiness', 'security']);
  });

  it('rejects the same scorecard id from two sources, naming both', () => {
    expect(() =>
      mergeScorecards([
        { file: 'default-scorecard.yaml', scorecards: [scorecard] },
        { file: 'team-overrides.yaml', scorecards: [scorecard] },
      ]),
    ).toThrow(
      'team-overrides.yaml: scorecard "production-readiness": is already defined in default-scorecard.yaml',
    );
  });
});
