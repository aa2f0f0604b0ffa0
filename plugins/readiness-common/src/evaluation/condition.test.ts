import type { Condition } from '../definitions/types';
import {
  F,
  listFacts as facts,
  P,
  PASS,
  FAIL,
  U,
  UNKNOWN,
} from './__fixtures__/facts';
import { evaluateCondition } from './condition';
import { createContext } from './context';
import type { Outcome } from './outcome';

function run(cond: Condition) {
  return evaluateCondition(cond, createContext(facts));
}

type Row = [string, Condition, Outcome, string[]];

describe('combinators (three-valued)', () => {
  const rows: Row[] = [
    ['all of passes passes', { all: [P, P] }, 'pass', [PASS]],
    [
      'all with a failure fails, explained by the failure',
      { all: [P, F, U] },
      'fail',
      [FAIL],
    ],
    [
      'all with an unknown and no failure is unknown',
      { all: [P, U] },
      'unknown',
      [UNKNOWN],
    ],
    [
      'any with a pass passes, explained by the pass',
      { any: [F, U, P] },
      'pass',
      [PASS],
    ],
    [
      'any with an unknown and no pass is unknown',
      { any: [F, U] },
      'unknown',
      [UNKNOWN],
    ],
    [
      'any of failures fails with every reason',
      { any: [F, { fact: 'k8s.nope', exists: true }] },
      'fail',
      [FAIL, 'k8s.nope is missing'],
    ],
    ['not of a pass fails', { not: P }, 'fail', [PASS]],
    ['not of a failure passes', { not: F }, 'pass', [FAIL]],
    ['not of unknown stays unknown', { not: U }, 'unknown', [UNKNOWN]],
    [
      'if/then takes then when the test passes',
      { if: P, then: F, else: P },
      'fail',
      [FAIL],
    ],
    [
      'if/else takes else when the test fails',
      { if: F, then: F, else: P },
      'pass',
      [PASS],
    ],
    [
      'if without else passes when the test fails',
      { if: F, then: F },
      'pass',
      [],
    ],
    [
      'if with an unknown test is unknown',
      { if: U, then: P, else: P },
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
