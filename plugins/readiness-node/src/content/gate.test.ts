import { Scorecard } from '@readiness/backstage-plugin-readiness-common';
import { evaluateContent } from './evaluateContent';
import {
  contentVerdict,
  formatVerdict,
  judgeContent,
  minimumLevelFor,
  reachesLevel,
} from './gate';

const scorecard: Scorecard = {
  id: 'small',
  title: 'Small',
  levels: ['bronze', 'silver', 'gold'],
  checks: [
    {
      id: 'replicas',
      title: 'Two replicas.',
      category: 'k8s',
      level: 'bronze',
      description: 'd',
      source: 'kubernetes',
      condition: { fact: 'kubernetes.replicas', gte: 2 },
      remediation: { text: 'Set spec.replicas to 2.\nMore text.' },
    },
    {
      id: 'readme',
      title: 'A README.',
      category: 'docs',
      level: 'silver',
      description: 'd',
      source: 'repository',
      condition: { fact: 'repository.readme', eq: true },
    },
    {
      id: 'live',
      title: 'Healthy.',
      category: 'k8s',
      level: 'silver',
      description: 'd',
      source: 'cluster-status',
      condition: { fact: 'cluster-status.healthy', eq: true },
    },
    {
      id: 'review',
      title: 'Reviewed.',
      category: 'docs',
      level: 'bronze',
      description: 'd',
      source: 'attestation',
      attestation: { expiryDays: 90 },
    },
  ],
};

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc' },
};

function verdictFor(replicas: number, readme: boolean) {
  const [evaluation] = evaluateContent({
    content: { entity },
    scorecards: [scorecard],
    sources: [
      { id: 'kubernetes', factsFromContent: () => ({ replicas }) },
      { id: 'repository', factsFromContent: () => ({ readme }) },
      { id: 'silent', factsFromContent: () => undefined },
    ],
    now: new Date('2026-11-23T00:00:00Z'),
  });
  return { evaluation, verdict: contentVerdict(scorecard, evaluation) };
}

describe('contentVerdict', () => {
  it('ignores attestations and unknown checks for the level, but counts them in the evaluator result', () => {
    const { evaluation, verdict } = verdictFor(2, true);
    expect(evaluation.summary.level).toBeNull();
    expect(verdict).toMatchObject({
      level: 'gold',
      failing: [],
      unknown: ['live'],
      counts: { pass: 2, unknown: 1, fail: 0 },
      score: 66.7,
    });
  });

  it('stops below the lowest failing automatable check and lists it with evidence', () => {
    const { verdict } = verdictFor(2, false);
    expect(verdict.level).toBe('bronze');
    expect(verdict.failing.map(c => c.id)).toEqual(['readme']);

    const none = verdictFor(1, false).verdict;
    expect(none.level).toBeNull();
    expect(none.failing.map(c => c.id)).toEqual(['replicas', 'readme']);
    expect(none.failing[0].evidence.length).toBeGreaterThan(0);
    const text = formatVerdict(none, {
      entityRef: 'component:default/svc',
      minimumLevel: 'bronze',
    });
    expect(text).toContain(
      'Readiness of component:default/svc on scorecard small: level none',
    );
    expect(text).toContain('FAIL [bronze] replicas: Two replicas.');
    expect(text).toContain('  fix: Set spec.replicas to 2.');
    expect(text).toContain('Unknown until deployed or registered (1): live');
  });

  it('compares levels in the scorecard order and rejects unknown ones', () => {
    expect(reachesLevel(scorecard, 'silver', 'bronze')).toBe(true);
    expect(reachesLevel(scorecard, 'bronze', 'silver')).toBe(false);
    expect(reachesLevel(scorecard, null, 'bronze')).toBe(false);
    expect(() => reachesLevel(scorecard, 'gold', 'platinum')).toThrow(
      'minimum level "platinum" is not a level of scorecard small; use one of bronze, silver, gold',
    );
  });

  it('resolves the minimum level: a level, the tier target, or none', () => {
    const targeted: Scorecard = {
      ...scorecard,
      targets: [{ tier: '1', level: 'silver' }],
    };
    const tiered = {
      ...entity,
      metadata: { name: 'svc', annotations: { 'readiness/tier': '1' } },
    };
    expect(minimumLevelFor(targeted, tiered, 'target')).toBe('silver');
    expect(minimumLevelFor(targeted, tiered, 'gold')).toBe('gold');
    expect(minimumLevelFor(targeted, tiered, undefined)).toBeNull();
    expect(() => minimumLevelFor(targeted, entity, 'target')).toThrow(
      'minimum level "target": scorecard small has no target for Component:svc',
    );
    expect(() => minimumLevelFor(targeted, tiered, 'platinum')).toThrow(
      'use one of bronze, silver, gold or target',
    );
  });
});

describe('judgeContent', () => {
  const sources = (replicas: number) => [
    { id: 'kubernetes', factsFromContent: () => ({ replicas }) },
    { id: 'repository', factsFromContent: () => ({ readme: true }) },
  ];

  it('passes when the automatable checks reach the minimum, and keeps every result', () => {
    const judged = judgeContent({
      content: { entity },
      scorecard,
      sources: sources(2),
      minimumLevel: 'silver',
    });
    expect(judged).toMatchObject({
      entityRef: 'component:default/svc',
      minimumLevel: 'silver',
      level: 'gold',
      passed: true,
    });
    expect(judged.results.map(r => [r.checkId, r.status])).toEqual([
      ['replicas', 'pass'],
      ['readme', 'pass'],
      ['live', 'unknown'],
      ['review', 'fail'],
    ]);
  });

  it('fails below the minimum, passes without one, and rejects an invalid one', () => {
    const judge = (minimumLevel?: string) =>
      judgeContent({
        content: { entity },
        scorecard,
        sources: sources(1),
        minimumLevel,
      });
    expect(judge('bronze')).toMatchObject({ level: null, passed: false });
    expect(judge()).toMatchObject({ minimumLevel: null, passed: true });
    expect(() => judge('platinum')).toThrow(
      'is not a level of scorecard small',
    );
  });
});
