import { parseScorecardDocument } from './parse';
import { FILE, doc, errorOf, validCheck } from './__fixtures__/documents';

describe('scorecard rules', () => {
  const P =
    'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field';
  it.each<[string, string, string]>([
    [
      'regex flags that make matching stateful',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        '{ fact: $.image, matches: x, flags: g }',
      ),
      `${P} "condition.flags": may only contain the regex flags i, m, s and u (line 15)`,
    ],
    [
      'flags without matches',
      validCheck.replace('gte: 2', 'gte: 2, flags: i'),
      `${P} "condition.flags": is only allowed together with matches (line 15)`,
    ],
    [
      'a count without a comparison',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        '{ count: { in: $.spec.containers } }',
      ),
      `${P} "condition.count": needs a comparison: one of eq, gt, gte, lt, lte (line 15)`,
    ],
    [
      '$$ reaching beyond the enclosing objects',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        () => '{ every: { in: $.pdbs, check: { fact: $$$.x, exists: true } } }',
      ),
      `${P} "condition.every.check.fact": "$$$.x" reaches 3 objects up, but only 2 enclose it (line 15)`,
    ],
    [
      'objectLabel without forEach',
      validCheck
        .replace(/ {8}forEach.*\n/, "        objectLabel: '{name}'\n")
        .replace('$.spec.replicas', 'kubernetes.replicas'),
      `${P} "objectLabel": is only allowed together with forEach (line 14)`,
    ],
    [
      'an objectLabel placeholder outside the object',
      `${validCheck}        objectLabel: '{kubernetes.x} {$$.y}'\n`,
      `${P} "objectLabel": placeholder {$$.y} must be a path inside the object, e.g. {metadata.name} (line 16)`,
    ],
    [
      'a check requiring itself',
      `${validCheck}        requires: [k8s-min-replicas]\n`,
      `${P} "requires[0]": a check cannot require itself (line 16)`,
    ],
    [
      'the reserved source id entity',
      validCheck.replace('source: kubernetes', 'source: entity'),
      `${P} "source": "entity" is reserved for catalog entity paths; use catalog (line 13)`,
    ],
    [
      'an annotation filter value that is not a string or boolean',
      `${validCheck}        applicability: { annotations: { "backstage.io/kubernetes-id": 1 } }\n`,
      `${P} "applicability.annotations["backstage.io/kubernetes-id"]": must be a string, or true / false for present / absent (line 16)`,
    ],
    [
      'an empty applicability list',
      `${validCheck}        applicability: { lifecycle: [] }\n`,
      `${P} "applicability.lifecycle": must list at least one value, or be left out (line 16)`,
    ],
    [
      'a remediation link that is not a URL',
      `${validCheck}        remediation: { text: Fix it., link: not a url }\n`,
      `${P} "remediation.link": must be a URL (line 16)`,
    ],
  ])('rejects %s', (_, lines, message) => {
    expect(() => parseScorecardDocument(doc(lines), FILE)).toThrow(message);
  });

  it.each<[string, string, string]>([
    [
      'an unknown operator',
      validCheck.replace('gte: 2', 'greaterThan: 2'),
      `${P} "condition.greaterThan": is not a known field (line 15)`,
    ],
    [
      'an unknown kind of condition',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        '{ sometimes: { in: $.x } }',
      ),
      `${P} "condition": must be a condition: an object with one of fact, all, any, not, if, every, some, count; found sometimes (line 15)`,
    ],
    [
      'a regular expression that does not compile',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        () => "{ fact: $.image, matches: '([' }",
      ),
      `${P} "condition.matches": is not a valid regular expression: Invalid regular expression: /([/: Unterminated character class (line 15)`,
    ],
    [
      'a level the scorecard does not have',
      validCheck.replace('level: bronze', 'level: platinum'),
      `${P} "level": "platinum" is not one of the scorecard levels bronze, silver, gold (line 11)`,
    ],
    [
      'a level that is a number',
      validCheck.replace('level: bronze', 'level: 5'),
      `${P} "level": must be a string, not 5 (line 11)`,
    ],
    [
      'a condition written as a string',
      validCheck.replace(
        '{ fact: $.spec.replicas, gte: 2 }',
        "'replicas >= 2'",
      ),
      `${P} "condition": must be a condition: an object with one of fact, all, any, not, if, every, some, count, not the string "replicas >= 2" (line 15)`,
    ],
    [
      'a forEach that is a number',
      validCheck.replace('forEach: kubernetes.workloads', 'forEach: 5'),
      `${P} "forEach": must be a mapping, not 5 (line 14)`,
    ],
    [
      'a description that is a list',
      validCheck.replace(
        'description: Two replicas or more.',
        'description: [a, b]',
      ),
      `${P} "description": must be a string, not a list (line 12)`,
    ],
    [
      'an attestation expiry that is not a number',
      validCheck
        .replace('source: kubernetes', 'source: attestation')
        .replace(/ {8}forEach.*\n/, '')
        .replace(
          / {8}condition.*\n/,
          '        attestation: { expiryDays: ninety }\n',
        ),
      `${P} "attestation.expiryDays": must be a number, not the string "ninety" (line 14)`,
    ],
    [
      'a field no check has',
      `${validCheck}        severity: high\n`,
      `${P} "severity": is not a known field (line 16)`,
    ],
  ])('rejects %s, naming the file, check and field', (_, lines, message) => {
    expect(() => parseScorecardDocument(doc(lines), FILE)).toThrow(message);
  });

  it('refuses a YAML alias bomb quickly, naming the file', () => {
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const text = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...levels
        .slice(1)
        .map(
          (name, i) =>
            `${name}: &${name} [${Array(10).fill(`*${levels[i]}`).join(', ')}]`,
        ),
      'scorecards: [*i]',
    ].join('\n');
    const error = errorOf(() => parseScorecardDocument(text, FILE));
    expect(error.message).toBe(
      'scorecards.yaml: YAML document refused: Excessive alias count indicates a resource exhaustion attack',
    );
  });

  it('rejects the same scorecard id twice in one file', () => {
    const text = doc(validCheck);
    const second = text.replace('scorecards:\n', '');
    const error = errorOf(() =>
      parseScorecardDocument(`${text}${second}`, FILE),
    );
    expect(error.message).toBe(
      'scorecards.yaml: scorecard "production-readiness": field "id": "production-readiness" is defined twice in this file (line 16)',
    );
  });

  it('rejects duplicate check ids', () => {
    const second = `      - id: k8s-min-replicas
        title: Again.
        category: C
${validCheck}`;
    const error = errorOf(() =>
      parseScorecardDocument(doc(validCheck, second), FILE),
    );
    expect(error.message).toBe(
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "id": "k8s-min-replicas" is also the id of checks[0] (line 16)',
    );
    expect(error.issues).toEqual([
      {
        file: 'scorecards.yaml',
        scorecard: 'production-readiness',
        check: 'k8s-min-replicas',
        field: 'id',
        line: 16,
        message: '"k8s-min-replicas" is also the id of checks[0]',
      },
    ]);
  });

  it('rejects a requires cycle', () => {
    const second = `      - id: k8s-workloads-discoverable
        title: Found.
        category: C
${validCheck
  .replace(/ {8}forEach.*\n/, '')
  .replace(
    '$.spec.replicas',
    'kubernetes.workloads',
  )}        requires: [k8s-min-replicas]
`;
    const error = errorOf(() =>
      parseScorecardDocument(
        doc(
          `${validCheck}        requires: [k8s-workloads-discoverable]\n`,
          second,
        ),
        FILE,
      ),
    );
    expect(error.message).toBe(
      'scorecards.yaml: scorecard "production-readiness", check "k8s-min-replicas": field "requires": forms a cycle: k8s-min-replicas -> k8s-workloads-discoverable -> k8s-min-replicas (line 16)',
    );
  });

  it('names a check without a usable id by its position', () => {
    const error = errorOf(() =>
      parseScorecardDocument(
        doc(validCheck).replace('- id: k8s-min-replicas', '- id: K8s Min'),
        FILE,
      ),
    );
    expect(error.message).toBe(
      'scorecards.yaml: scorecard "production-readiness", check "K8s Min": field "id": must be kebab-case: lowercase letters and digits separated by single dashes (line 8)',
    );
    const missing = errorOf(() =>
      parseScorecardDocument(
        doc(validCheck).replace(
          '- id: k8s-min-replicas\n        title',
          '- title',
        ),
        FILE,
      ),
    );
    expect(missing.message).toBe(
      'scorecards.yaml: scorecard "production-readiness", check #1: field "id": is required (line 8)',
    );
  });

  it('rejects a target level that is not a scorecard level', () => {
    const error = errorOf(() =>
      parseScorecardDocument(
        doc(validCheck).replace('level: silver }', 'level: platinum }'),
        FILE,
      ),
    );
    expect(error.message).toBe(
      'scorecards.yaml: scorecard "production-readiness": field "targets[0].level": "platinum" is not one of the scorecard levels bronze, silver, gold (line 6)',
    );
  });
});
