import type { CheckStatus } from '../types';
import { check, entity, factsWith, now, objects } from './__fixtures__/checks';
import { evaluateCheck } from './evaluateCheck';

describe('aggregation over forEach objects (section 3)', () => {
  it.each<[string, Array<string | undefined>, CheckStatus]>([
    ['every object passes: pass', ['ok', 'ok'], 'pass'],
    [
      'any object fails: fail, even with unknowns',
      ['ok', 'bad', undefined],
      'fail',
    ],
    ['no failure but an unknown object: unknown', ['ok', undefined], 'unknown'],
    ['no objects: not-applicable', [], 'not-applicable'],
  ])('%s', (_, states, status) => {
    const result = evaluateCheck(
      check({ unknownWhenMissing: ['$.state'] }),
      factsWith(objects(...states)),
      { now },
    );
    expect(result.status).toBe(status);
  });

  it('gives one evidence entry per object, failures first', () => {
    const result = evaluateCheck(check({}), factsWith(objects('ok', 'bad')), {
      now,
    });
    expect(result.evidence).toEqual([
      {
        object: 'objects[o1]',
        status: 'fail',
        message: 'objects[o1]: state = "bad", needs "ok"',
      },
      {
        object: 'objects[o0]',
        status: 'pass',
        message: 'objects[o0]: state = "ok"',
      },
    ]);
  });

  it('leaves objects that fail forEach.where out of scope', () => {
    const result = evaluateCheck(
      check({
        forEach: { in: 'k8s.objects', where: { fact: '$.name', eq: 'o0' } },
      }),
      factsWith(objects('ok', 'bad')),
      { now },
    );
    expect(result.status).toBe('pass');
    expect(result.evidence).toHaveLength(1);
  });

  it('is not applicable when every object is out of scope', () => {
    const result = evaluateCheck(
      check({
        forEach: { in: 'k8s.objects', where: { fact: '$.name', eq: 'x' } },
      }),
      factsWith(objects('ok', 'bad')),
      { now },
    );
    expect(result).toEqual({
      checkId: 'the-check',
      status: 'not-applicable',
      evidence: [
        {
          status: 'not-applicable',
          message: 'No object in k8s.objects is in scope (2 filtered out)',
        },
      ],
    });
  });

  it('keeps at most 20 evidence entries plus "and N more"', () => {
    const states = Array.from({ length: 30 }, (_, i) => (i % 2 ? 'ok' : 'bad'));
    const result = evaluateCheck(check({}), factsWith(objects(...states)), {
      now,
    });
    expect(result.evidence).toHaveLength(21);
    expect(result.evidence.slice(0, 15).every(e => e.status === 'fail')).toBe(
      true,
    );
    expect(result.evidence[20]).toEqual({
      status: 'pass',
      message: 'and 10 more',
    });
  });
});

describe('records', () => {
  it('evaluates attestation checks from attestation records', () => {
    const result = evaluateCheck(
      check({
        source: 'attestation',
        condition: undefined,
        forEach: undefined,
        attestation: { expiryDays: 180 },
      }),
      { entity, sources: {} },
      { now, attestations: [] },
    );
    expect(result.status).toBe('fail');
    expect(result.evidence[0].message).toBe('No attestation recorded');
  });

  it('turns the computed status into exempt under a valid exemption', () => {
    const result = evaluateCheck(check({}), factsWith(objects('bad')), {
      now,
      exemptions: [
        {
          id: 'e1',
          entityRef: 'component:default/checkout',
          checkId: 'the-check',
          grantedBy: 'user:default/platform-lead',
          grantedAt: '2025-05-01T00:00:00Z',
          expiresAt: '2025-08-01T00:00:00Z',
          reason: 'leader-only worker',
        },
      ],
    });
    expect(result.status).toBe('exempt');
    expect(result.computedStatus).toBe('fail');
    expect(result.evidence.map(e => e.status)).toEqual(['exempt', 'fail']);
  });
});
