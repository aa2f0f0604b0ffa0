import type { Entity } from '@backstage/catalog-model';
import type { CheckDefinition, Scorecard } from '../definitions/types';
import type { CheckResult, CheckStatus } from '../types';
import { meetsLevel, summarizeResults, targetLevelFor } from './summarize';

function check(id: string, level: string, category = 'Ops'): CheckDefinition {
  return {
    id,
    title: id,
    category,
    level,
    description: id,
    source: 'catalog',
    condition: { fact: 'entity.kind', exists: true },
  };
}

const scorecard: Scorecard = {
  id: 'production-readiness',
  title: 'Production readiness',
  levels: ['bronze', 'silver', 'gold'],
  targets: [
    { tier: '1', level: 'silver' },
    { lifecycle: 'experimental', level: 'bronze' },
    { tier: '3', level: 'bronze' },
  ],
  checks: [
    check('b1', 'bronze', 'Ownership'),
    check('b2', 'bronze', 'Kubernetes'),
    check('s1', 'silver', 'Kubernetes'),
    check('s2', 'silver', 'Kubernetes'),
    check('g1', 'gold', 'Ownership'),
  ],
};

function results(statuses: Record<string, CheckStatus>): CheckResult[] {
  return Object.entries(statuses).map(([checkId, status]) => ({
    checkId,
    status,
    evidence: [],
  }));
}

describe('summarizeResults', () => {
  it.each<[string, Record<string, CheckStatus>, string | null, number | null]>([
    [
      'every check passes: highest level, 100 %',
      { b1: 'pass', b2: 'pass', s1: 'pass', s2: 'pass', g1: 'pass' },
      'gold',
      100,
    ],
    [
      'a bronze failure: level none',
      { b1: 'fail', b2: 'pass', s1: 'pass', s2: 'pass', g1: 'pass' },
      null,
      80,
    ],
    [
      'unknown blocks like fail',
      { b1: 'pass', b2: 'pass', s1: 'unknown', s2: 'pass', g1: 'pass' },
      'bronze',
      80,
    ],
    [
      'exempt and not-applicable reach a level',
      {
        b1: 'exempt',
        b2: 'not-applicable',
        s1: 'pass',
        s2: 'not-applicable',
        g1: 'fail',
      },
      'silver',
      66.7,
    ],
    [
      'a gold pass does not help when silver fails',
      { b1: 'pass', b2: 'pass', s1: 'fail', s2: 'pass', g1: 'pass' },
      'bronze',
      80,
    ],
    [
      'all not-applicable: every level, score null',
      {
        b1: 'not-applicable',
        b2: 'not-applicable',
        s1: 'not-applicable',
        s2: 'not-applicable',
        g1: 'not-applicable',
      },
      'gold',
      null,
    ],
    [
      'a missing result counts as unknown',
      { b1: 'pass', s1: 'pass', s2: 'pass', g1: 'pass' },
      null,
      80,
    ],
  ])('%s', (_, statuses, level, score) => {
    const summary = summarizeResults(scorecard, results(statuses));
    expect(summary.level).toBe(level);
    expect(summary.score).toBe(score);
  });

  it('counts statuses and ignores results of other checks', () => {
    const summary = summarizeResults(
      scorecard,
      results({
        b1: 'pass',
        b2: 'fail',
        s1: 'unknown',
        s2: 'exempt',
        g1: 'not-applicable',
        other: 'fail',
      }),
    );
    expect(summary.counts).toEqual({
      pass: 1,
      fail: 1,
      unknown: 1,
      exempt: 1,
      'not-applicable': 1,
    });
    expect(summary.score).toBe(50);
  });

  it('scores each category with the same formula', () => {
    const summary = summarizeResults(
      scorecard,
      results({
        b1: 'pass',
        b2: 'fail',
        s1: 'pass',
        s2: 'exempt',
        g1: 'not-applicable',
      }),
    );
    expect(summary.categories).toEqual({
      Ownership: {
        score: 100,
        counts: {
          pass: 1,
          fail: 0,
          unknown: 0,
          exempt: 0,
          'not-applicable': 1,
        },
      },
      Kubernetes: {
        score: 66.7,
        counts: {
          pass: 1,
          fail: 1,
          unknown: 0,
          exempt: 1,
          'not-applicable': 0,
        },
      },
    });
  });

  it('names the next level and every check of it and below that blocks it', () => {
    const summary = summarizeResults(
      scorecard,
      results({
        b1: 'pass',
        b2: 'pass',
        s1: 'fail',
        s2: 'unknown',
        g1: 'fail',
      }),
    );
    expect(summary.nextLevel).toEqual({
      level: 'silver',
      blockingCheckIds: ['s1', 's2'],
    });
  });

  it('lists lower-level blockers too when the entity has no level', () => {
    const summary = summarizeResults(
      scorecard,
      results({ b1: 'fail', b2: 'pass', s1: 'fail', s2: 'pass', g1: 'pass' }),
    );
    expect(summary.level).toBeNull();
    expect(summary.nextLevel).toEqual({
      level: 'bronze',
      blockingCheckIds: ['b1'],
    });
  });

  it('has no next level at the top', () => {
    const summary = summarizeResults(
      scorecard,
      results({ b1: 'pass', b2: 'pass', s1: 'pass', s2: 'pass', g1: 'exempt' }),
    );
    expect(summary.nextLevel).toBeNull();
  });

  it('rounds the score to one decimal', () => {
    const summary = summarizeResults(
      { ...scorecard, checks: scorecard.checks.slice(0, 3) },
      results({ b1: 'pass', b2: 'fail', s1: 'fail' }),
    );
    expect(summary.score).toBe(33.3);
  });
});

describe('targetLevelFor', () => {
  const entity = (tier?: string, lifecycle = 'production'): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'x',
      annotations: tier ? { 'readiness/tier': tier } : {},
    },
    spec: { lifecycle },
  });

  it.each<[string, Entity, string | null]>([
    ['tier from readiness/tier', entity('1'), 'silver'],
    ['first matching target wins', entity('3', 'experimental'), 'bronze'],
    ['lifecycle targets', entity(undefined, 'experimental'), 'bronze'],
    ['no matching target: null', entity('2'), null],
  ])('%s', (_, e, level) => {
    expect(targetLevelFor(scorecard, e)).toBe(level);
  });

  it('reads a configured tier annotation', () => {
    const e = entity();
    e.metadata.annotations = { 'acme.com/tier': '1' };
    expect(
      targetLevelFor(scorecard, e, { tierAnnotation: 'acme.com/tier' }),
    ).toBe('silver');
  });
});

describe('meetsLevel', () => {
  it.each<[string | null, string, boolean]>([
    ['gold', 'silver', true],
    ['silver', 'silver', true],
    ['bronze', 'silver', false],
    [null, 'bronze', false],
  ])('%s meets %s: %s', (level, target, expected) => {
    expect(meetsLevel(scorecard, level, target)).toBe(expected);
  });
});
