import type { CheckDefinition } from '../definitions/types';
import type { SourceFacts } from '../facts/types';
import type { CheckStatus } from '../types';
import { check, entity, factsWith, now, objects } from './__fixtures__/checks';
import { evaluateCheck } from './evaluateCheck';

describe('statuses before the condition', () => {
  it('is not applicable when the applicability filter excludes the entity', () => {
    const result = evaluateCheck(
      check({ applicability: { type: ['website'] } }),
      factsWith(objects('bad')),
      { now },
    );
    expect(result.status).toBe('not-applicable');
    expect(result.evidence[0].message).toBe(
      'Not applicable: spec.type is "service", not one of website',
    );
  });

  it.each<[string, CheckDefinition['applicability'], CheckStatus]>([
    ['kind matches case-insensitively', { kind: ['component'] }, 'fail'],
    ['tier comes from readiness/tier', { tier: ['1'] }, 'not-applicable'],
    [
      'tags match when any listed tag is set',
      { tags: ['payments', 'x'] },
      'fail',
    ],
    [
      'annotations can require presence',
      { annotations: { 'backstage.io/kubernetes-id': true } },
      'fail',
    ],
    [
      'annotations can require a value',
      { annotations: { 'backstage.io/kubernetes-id': 'other' } },
      'not-applicable',
    ],
    [
      'annotations can require absence',
      { annotations: { 'backstage.io/kubernetes-id': false } },
      'not-applicable',
    ],
  ])('applicability: %s', (_, applicability, status) => {
    const result = evaluateCheck(
      check({ applicability }),
      factsWith(objects('bad')),
      { now },
    );
    expect(result.status).toBe(status);
  });

  it('is not applicable when notApplicableWhen holds', () => {
    const result = evaluateCheck(
      check({ notApplicableWhen: { fact: 'entity.spec.type', ne: 'website' } }),
      factsWith(objects('bad')),
      { now },
    );
    expect(result.status).toBe('not-applicable');
    expect(result.evidence[0].message).toBe(
      'Not applicable: spec.type = "service"',
    );
  });

  it('is unknown when notApplicableWhen cannot be decided', () => {
    const result = evaluateCheck(
      check({ notApplicableWhen: { fact: 'other.x', exists: true } }),
      factsWith(objects('ok')),
      { now },
    );
    expect(result.status).toBe('unknown');
    expect(result.evidence[0].message).toBe('no other facts were collected');
  });

  it.each<[string, SourceFacts | undefined, string]>([
    [
      'errored',
      { status: 'error', error: 'cluster prod-eu unreachable' },
      'k8s facts could not be collected: cluster prod-eu unreachable',
    ],
    [
      'stale',
      { status: 'stale', collectedAt: '2025-05-20T00:00:00Z' },
      'k8s facts are stale (last collected 2025-05-20T00:00:00Z)',
    ],
    ['missing', { status: 'missing' }, 'k8s facts are missing'],
    ['never collected', undefined, 'no k8s facts were collected'],
  ])(
    'is unknown, never fail, when the source facts are %s',
    (_, source, message) => {
      const result = evaluateCheck(
        check({}),
        { entity, sources: { k8s: source } },
        { now },
      );
      expect(result).toEqual({
        checkId: 'the-check',
        status: 'unknown',
        evidence: [{ status: 'unknown', message }],
      });
    },
  );

  it('evaluates catalog checks from the entity when no catalog facts were collected', () => {
    const result = evaluateCheck(
      check({
        source: 'catalog',
        forEach: undefined,
        condition: { fact: 'entity.spec.owner', matches: '^group:' },
      }),
      { entity, sources: {} },
      { now },
    );
    expect(result.status).toBe('pass');
  });

  it.each<[string, Record<string, CheckStatus>, CheckStatus, string]>([
    [
      'a failed prerequisite makes it unknown',
      { 'k8s-workloads-discoverable': 'fail' },
      'unknown',
      'Prerequisite check k8s-workloads-discoverable is fail',
    ],
    [
      'an unknown prerequisite makes it unknown',
      { 'k8s-workloads-discoverable': 'unknown' },
      'unknown',
      'Prerequisite check k8s-workloads-discoverable is unknown',
    ],
    [
      'a not-applicable prerequisite makes it unknown',
      { 'k8s-workloads-discoverable': 'not-applicable' },
      'unknown',
      'Prerequisite check k8s-workloads-discoverable is not-applicable',
    ],
    [
      'a prerequisite not evaluated makes it unknown',
      {},
      'unknown',
      'Prerequisite check k8s-workloads-discoverable was not evaluated',
    ],
    [
      'a passed prerequisite lets it run',
      { 'k8s-workloads-discoverable': 'pass' },
      'fail',
      'objects[o0]: state = "bad", needs "ok"',
    ],
    [
      'an exempt prerequisite lets it run',
      { 'k8s-workloads-discoverable': 'exempt' },
      'fail',
      'objects[o0]: state = "bad", needs "ok"',
    ],
  ])('requires: %s', (_, prerequisites, status, message) => {
    const result = evaluateCheck(
      check({ requires: ['k8s-workloads-discoverable'] }),
      factsWith(objects('bad')),
      { now, prerequisites },
    );
    expect(result.status).toBe(status);
    expect(result.evidence[0].message).toBe(message);
  });
});
