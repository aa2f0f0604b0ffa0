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
  [
    'matches holds',
    { fact: 'k8s.image', matches: ':latest$' },
    'pass',
    'k8s.image = "registry.example.com/checkout:latest" matches /:latest$/',
  ],
  [
    'matches fails',
    { fact: 'k8s.image', matches: '@sha256:[0-9a-f]{64}$' },
    'fail',
    'k8s.image = "registry.example.com/checkout:latest", does not match /@sha256:[0-9a-f]{64}$/',
  ],
  [
    'matches honours flags',
    { fact: 'k8s.image', matches: 'CHECKOUT', flags: 'i' },
    'pass',
    'k8s.image = "registry.example.com/checkout:latest" matches /CHECKOUT/i',
  ],
  [
    'matches fails on a missing field',
    { fact: 'k8s.nope', matches: '.*' },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'matches fails on a non-string',
    { fact: 'k8s.tags', matches: 'web' },
    'fail',
    'k8s.tags = ["web","payments"], needs a string matching /web/',
  ],
  [
    'exists: true holds',
    { fact: 'entity.metadata.annotations["readiness/tier"]', exists: true },
    'pass',
    'metadata.annotations["readiness/tier"] is present',
  ],
  [
    'exists: true fails on a missing field',
    {
      fact: 'entity.metadata.annotations["pagerduty.com/service-id"]',
      exists: true,
    },
    'fail',
    'metadata.annotations["pagerduty.com/service-id"] is missing',
  ],
  [
    'exists: false holds on a missing field',
    { fact: 'k8s.hpa', exists: false },
    'pass',
    'k8s.hpa is absent',
  ],
  [
    'exists: false fails',
    { fact: 'k8s.replicas', exists: false },
    'fail',
    'k8s.replicas = 3, must be absent',
  ],
  [
    'minLength holds on lists',
    { fact: 'k8s.tags', minLength: 2 },
    'pass',
    'k8s.tags has 2 items (at least 2)',
  ],
  [
    'minLength fails on strings',
    { fact: 'entity.metadata.name', minLength: 30 },
    'fail',
    'metadata.name has 8 characters, needs at least 30',
  ],
  [
    'minLength fails on a missing field',
    { fact: 'k8s.nope', minLength: 1 },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'minLength after trimming',
    { fact: 'entity.metadata.description', minLength: 17, trim: true },
    'fail',
    'metadata.description (trimmed) has 15 characters, needs at least 17',
  ],
  [
    'maxLength holds',
    { fact: 'k8s.empty', maxLength: 0 },
    'pass',
    'k8s.empty has 0 items (at most 0)',
  ],
  [
    'maxLength fails',
    { fact: 'k8s.tags', maxLength: 1 },
    'fail',
    'k8s.tags has 2 items, needs at most 1',
  ],
  [
    'maxLength fails on a missing field',
    { fact: 'k8s.nope', maxLength: 1 },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'maxLength fails on a number',
    { fact: 'k8s.replicas', maxLength: 1 },
    'fail',
    'k8s.replicas = 3, needs a string or list',
  ],
  [
    'contains holds on lists',
    { fact: 'k8s.tags', contains: 'payments' },
    'pass',
    'k8s.tags contains "payments"',
  ],
  [
    'contains holds on strings',
    { fact: 'k8s.image', contains: 'checkout' },
    'pass',
    'k8s.image contains "checkout"',
  ],
  [
    'contains fails',
    { fact: 'k8s.tags', contains: 'batch' },
    'fail',
    'k8s.tags does not contain "batch"',
  ],
  [
    'contains fails on a missing field',
    { fact: 'k8s.nope', contains: 'x' },
    'fail',
    'k8s.nope is missing',
  ],
  [
    'several operators must all hold',
    { fact: 'k8s.replicas', gte: 2, lte: 2 },
    'fail',
    'k8s.replicas = 3, needs <= 2',
  ],
];

describe('matching, presence, length and containment operators', () => {
  it.each(rows)('%s', (_, cond, outcome, message) => {
    const r = run(cond);
    expect(r.outcome).toBe(outcome);
    expect(r.messages).toEqual([message]);
  });
});
