import { leafFacts as facts } from './__fixtures__/facts';
import { evaluateCondition } from './condition';
import { createContext } from './context';

function run(cond: Parameters<typeof evaluateCondition>[0]) {
  return evaluateCondition(cond, createContext(facts));
}

describe('facts that cannot be read', () => {
  const sources = (status: 'error' | 'stale' | 'missing') =>
    createContext({
      entity: facts.entity,
      sources: {
        k8s: {
          status,
          error: 'cluster prod unreachable',
          collectedAt: '2025-01-01T00:00:00Z',
        },
      },
    });

  it.each([
    ['error', 'k8s facts could not be collected: cluster prod unreachable'],
    [
      'stale',
      'k8s facts are stale (last collected 2025-01-01T00:00:00Z): cluster prod unreachable',
    ],
    ['missing', 'k8s facts are missing: cluster prod unreachable'],
  ] as const)(
    'a source with status %s makes a leaf unknown',
    (status, reason) => {
      const r = evaluateCondition(
        { fact: 'k8s.replicas', exists: false },
        sources(status),
      );
      expect(r).toEqual({ outcome: 'unknown', messages: [reason], omitted: 0 });
    },
  );

  it('a source that was never collected makes a leaf unknown', () => {
    const r = run({ fact: 'repository.files', exists: true });
    expect(r.outcome).toBe('unknown');
    expect(r.messages).toEqual(['no repository facts were collected']);
  });

  it('a path listed in unknownWhenMissing is unknown instead of failing', () => {
    const ctx = createContext(facts, ['k8s.status']);
    const r = evaluateCondition(
      { fact: 'k8s.status.availableReplicas', gte: 2 },
      ctx,
    );
    expect(r.outcome).toBe('unknown');
    expect(r.messages).toEqual(['k8s.status is missing']);
  });

  it('unknownWhenMissing does not touch present values or other paths', () => {
    const ctx = createContext(facts, ['k8s.status']);
    expect(
      evaluateCondition({ fact: 'k8s.replicas', gte: 2 }, ctx).outcome,
    ).toBe('pass');
    expect(evaluateCondition({ fact: 'k8s.other', gte: 2 }, ctx).outcome).toBe(
      'fail',
    );
  });
});
