import type { Condition } from '../definitions/types';
import { leafFacts as facts } from './__fixtures__/facts';
import { evaluateCondition } from './condition';
import { createContext } from './context';
import type { Outcome } from './outcome';

function run(cond: Condition) {
  return evaluateCondition(cond, createContext(facts));
}

type Row = [string, Condition, Outcome, string];

const rows: Row[] = [
  ['eq holds', { fact: 'k8s.replicas', eq: 3 }, 'pass', 'k8s.replicas = 3'],
  [
    'eq fails',
    { fact: 'k8s.replicas', eq: 2 },
    'fail',
    'k8s.replicas = 3, needs 2',
  ],
  [
    'eq compares objects deeply',
    { fact: 'k8s.selector', eq: { app: 'checkout' } },
    'pass',
    'k8s.selector = {"app":"checkout"}',
  ],
  [
    'eq fails on a missing field',
    { fact: 'k8s.nope', eq: 1 },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'ne holds',
    { fact: 'entity.spec.type', ne: 'website' },
    'pass',
    'spec.type = "service"',
  ],
  [
    'ne fails',
    { fact: 'entity.spec.type', ne: 'service' },
    'fail',
    'spec.type = "service", must not be "service"',
  ],
  [
    'ne fails on a missing field',
    { fact: 'entity.spec.nope', ne: 'x' },
    'fail',
    'spec.nope is missing',
  ],
  [
    'gt holds',
    { fact: 'k8s.replicas', gt: 2 },
    'pass',
    'k8s.replicas = 3 (> 2)',
  ],
  [
    'gt fails',
    { fact: 'k8s.replicas', gt: 3 },
    'fail',
    'k8s.replicas = 3, needs > 3',
  ],
  [
    'gt fails on a missing field',
    { fact: 'k8s.nope', gt: 1 },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'gte holds',
    { fact: 'k8s.replicas', gte: 3 },
    'pass',
    'k8s.replicas = 3 (>= 3)',
  ],
  [
    'gte fails',
    { fact: 'k8s.replicas', gte: 4 },
    'fail',
    'k8s.replicas = 3, needs >= 4',
  ],
  [
    'gte fails on a missing field',
    { fact: 'k8s.nope', gte: 1 },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'lt holds',
    { fact: 'k8s.replicas', lt: 4 },
    'pass',
    'k8s.replicas = 3 (< 4)',
  ],
  [
    'lt fails',
    { fact: 'k8s.replicas', lt: 3 },
    'fail',
    'k8s.replicas = 3, needs < 3',
  ],
  [
    'lt fails on a missing field',
    { fact: 'k8s.nope', lt: 1 },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'lte holds',
    { fact: 'k8s.replicas', lte: 3 },
    'pass',
    'k8s.replicas = 3 (<= 3)',
  ],
  [
    'lte fails',
    { fact: 'k8s.replicas', lte: 2 },
    'fail',
    'k8s.replicas = 3, needs <= 2',
  ],
  [
    'lte fails on a missing field',
    { fact: 'k8s.nope', lte: 1 },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'ordering compares strings with strings',
    { fact: 'k8s.version', gte: '1.09' },
    'pass',
    'k8s.version = "1.10" (>= "1.09")',
  ],
  [
    'ordering never compares a string with a number',
    { fact: 'k8s.version', gte: 1 },
    'fail',
    'k8s.version = "1.10", needs >= 1',
  ],
  [
    'ordering against another fact',
    { fact: 'k8s.minReplicas', lt: { fact: 'k8s.replicas' } },
    'pass',
    'k8s.minReplicas = 2 (< k8s.replicas (3))',
  ],
  [
    'ordering against a missing fact fails',
    { fact: 'k8s.replicas', lt: { fact: 'k8s.nope' } },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'ne against a missing fact holds',
    { fact: 'entity.metadata.name', ne: { fact: 'entity.metadata.title' } },
    'pass',
    'metadata.name = "checkout", metadata.title is absent',
  ],
  [
    'eq against a missing fact fails',
    { fact: 'entity.metadata.name', eq: { fact: 'entity.metadata.title' } },
    'fail',
    'metadata.title is missing',
  ],
  [
    'eq against another fact',
    { fact: 'k8s.minReplicas', eq: { fact: 'k8s.replicas' } },
    'fail',
    'k8s.minReplicas = 2, needs k8s.replicas (3)',
  ],
  [
    'in holds',
    { fact: 'entity.spec.lifecycle', in: ['production', 'staging'] },
    'pass',
    'spec.lifecycle = "production"',
  ],
  [
    'in fails',
    { fact: 'entity.spec.lifecycle', in: ['experimental'] },
    'fail',
    'spec.lifecycle = "production", needs one of "experimental"',
  ],
  [
    'in fails on a missing field',
    { fact: 'entity.spec.nope', in: ['x'] },
    'fail',
    'spec.nope is missing',
  ],
  [
    'notIn holds',
    { fact: 'entity.spec.type', notIn: ['website'] },
    'pass',
    'spec.type = "service"',
  ],
  [
    'notIn fails',
    { fact: 'entity.spec.type', notIn: ['service', 'website'] },
    'fail',
    'spec.type = "service", must not be one of "service", "website"',
  ],
  [
    'notIn fails on a missing field',
    { fact: 'entity.spec.nope', notIn: ['x'] },
    'fail',
    'spec.nope is missing',
  ],
];

describe('comparison operators', () => {
  it.each(rows)('%s', (_, cond, outcome, message) => {
    const r = run(cond);
    expect(r.outcome).toBe(outcome);
    expect(r.messages).toEqual([message]);
  });
});
