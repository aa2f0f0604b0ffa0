import type { Condition } from '../definitions/types';
import { F, listFacts as facts, P, U, UNKNOWN } from './__fixtures__/facts';
import { evaluateCondition } from './condition';
import { createContext, withScope } from './context';
import type { Outcome } from './outcome';

function run(cond: Condition) {
  return evaluateCondition(cond, createContext(facts));
}

type Row = [string, Condition, Outcome, string[]];

const notLatest: Condition = { fact: '$.image', matches: ':latest$' };
const pinned: Condition = { not: notLatest };
const serving: Condition = { fact: '$.ports', exists: true };

describe('every', () => {
  const rows: Row[] = [
    [
      'fails naming each failing item',
      { every: { in: 'k8s.containers', check: pinned } },
      'fail',
      ['containers[sidecar]: image = "reg/proxy:latest" matches /:latest$/'],
    ],
    [
      'passes when every item passes',
      { every: { in: 'k8s.containers', where: serving, check: pinned } },
      'pass',
      ['k8s.containers: every item passes (1 item)'],
    ],
    [
      'passes on an empty list',
      { every: { in: 'k8s.empty', check: F } },
      'pass',
      ['k8s.empty has no items'],
    ],
    [
      'passes on a missing list',
      { every: { in: 'k8s.nothing', check: F } },
      'pass',
      ['k8s.nothing has no items'],
    ],
    [
      'passes when the filter excludes every item',
      {
        every: {
          in: 'k8s.containers',
          where: { fact: '$.name', eq: 'x' },
          check: F,
        },
      },
      'pass',
      ['k8s.containers: no item matches the filter'],
    ],
    [
      'fails on a value that is not a list',
      { every: { in: 'k8s.replicas', check: P } },
      'fail',
      ['k8s.replicas is not a list'],
    ],
    [
      'is unknown when the list cannot be read',
      { every: { in: 'down.list', check: P } },
      'unknown',
      [UNKNOWN],
    ],
    [
      'is unknown when an item is unknown and none fails',
      { every: { in: 'k8s.containers', check: U } },
      'unknown',
      [`containers[app]: ${UNKNOWN}`, `containers[sidecar]: ${UNKNOWN}`],
    ],
    [
      'names items with a label template',
      {
        every: {
          in: 'k8s.containers',
          label: 'container {name}',
          check: pinned,
        },
      },
      'fail',
      ['container sidecar: image = "reg/proxy:latest" matches /:latest$/'],
    ],
    [
      'reads the enclosing object with $$',
      {
        every: { in: 'k8s.containers', check: { fact: '$$.replicas', gte: 5 } },
      },
      'fail',
      [
        'containers[app]: replicas = 3, needs >= 5',
        'containers[sidecar]: replicas = 3, needs >= 5',
      ],
    ],
  ];
  it.each(rows)('%s', (_, cond, outcome, messages) => {
    const ctx = withScope(createContext(facts), { replicas: 3 });
    const r = evaluateCondition(cond, ctx);
    expect(r.outcome).toBe(outcome);
    expect(r.messages).toEqual(messages);
  });

  it('keeps at most ten messages and counts the rest', () => {
    const r = run({ every: { in: 'k8s.many', check: pinned } });
    expect(r.outcome).toBe('fail');
    expect(r.messages).toHaveLength(10);
    expect(r.omitted).toBe(5);
  });
});

describe('some', () => {
  const rows: Row[] = [
    [
      'passes with the first passing item',
      { some: { in: 'k8s.containers', check: notLatest } },
      'pass',
      ['containers[sidecar]: image = "reg/proxy:latest" matches /:latest$/'],
    ],
    [
      'fails when no item passes, with each reason',
      {
        some: {
          in: 'k8s.containers',
          check: { fact: '$.image', contains: 'nginx' },
        },
      },
      'fail',
      [
        'k8s.containers: no item passes (2 items)',
        'containers[app]: image does not contain "nginx"',
        'containers[sidecar]: image does not contain "nginx"',
      ],
    ],
    [
      'fails on an empty list',
      { some: { in: 'k8s.empty', check: P } },
      'fail',
      ['k8s.empty has no items'],
    ],
    [
      'fails when the filter excludes every item',
      {
        some: {
          in: 'k8s.containers',
          where: { fact: '$.name', eq: 'x' },
          check: P,
        },
      },
      'fail',
      ['k8s.containers: no item matches the filter (2 items)'],
    ],
    [
      'is unknown when no item passes and one is unknown',
      { some: { in: 'k8s.containers', check: { any: [U, F] } } },
      'unknown',
      [`containers[app]: ${UNKNOWN}`, `containers[sidecar]: ${UNKNOWN}`],
    ],
  ];
  it.each(rows)('%s', (_, cond, outcome, messages) => {
    const r = run(cond);
    expect(r.outcome).toBe(outcome);
    expect(r.messages).toEqual(messages);
  });
});

describe('count', () => {
  const rows: Row[] = [
    [
      'passes when the count of items holds',
      { count: { in: 'k8s.containers', eq: 2 } },
      'pass',
      ['k8s.containers has 2 items (= 2)'],
    ],
    [
      'fails when the count of items does not hold',
      { count: { in: 'k8s.containers', gte: 3 } },
      'fail',
      ['k8s.containers has 2 items, needs >= 3'],
    ],
    [
      'counts only items that pass where',
      { count: { in: 'k8s.containers', where: serving, eq: 1 } },
      'pass',
      ['k8s.containers has 1 matching item (= 1)'],
    ],
    [
      'combines several comparisons',
      { count: { in: 'k8s.containers', gt: 0, lt: 2 } },
      'fail',
      ['k8s.containers has 2 items, needs > 0 and < 2'],
    ],
    [
      'counts a missing list as empty',
      { count: { in: 'k8s.nothing', lte: 0 } },
      'pass',
      ['k8s.nothing has 0 items (<= 0)'],
    ],
    [
      'is decided despite unknown items when every possible count agrees',
      { count: { in: 'k8s.containers', where: { any: [U, serving] }, gte: 1 } },
      'pass',
      ['k8s.containers has 1 matching item (>= 1)'],
    ],
    [
      'is unknown when unknown items could change the verdict',
      { count: { in: 'k8s.containers', where: { any: [U, serving] }, eq: 1 } },
      'unknown',
      [
        'k8s.containers has 1 matching item and 1 undetermined, needs = 1',
        `containers[sidecar]: ${UNKNOWN}`,
      ],
    ],
    [
      'is unknown when the list cannot be read',
      { count: { in: 'down.list', eq: 0 } },
      'unknown',
      [UNKNOWN],
    ],
  ];
  it.each(rows)('%s', (_, cond, outcome, messages) => {
    const r = run(cond);
    expect(r.outcome).toBe(outcome);
    expect(r.messages).toEqual(messages);
  });
});
