import type { Attestation, CheckResult, Exemption } from '../types';
import {
  activeExemption,
  applyExemption,
  evaluateAttestation,
} from './applyRecords';

const now = new Date('2025-06-01T00:00:00Z');
const context = { entityRef: 'component:default/payments-api', now };
const check = {
  id: 'oncall-runbook-content',
  attestation: { expiryDays: 180 },
};

function attestation(overrides: Partial<Attestation>): Attestation {
  return {
    id: 'a1',
    entityRef: 'component:default/payments-api',
    checkId: 'oncall-runbook-content',
    attestedBy: 'user:default/alice',
    attestedAt: '2025-05-01T00:00:00Z',
    expiresAt: '2025-10-28T00:00:00Z',
    evidenceUrl: 'https://docs.example.com/runbook',
    ...overrides,
  };
}

describe('evaluateAttestation', () => {
  it('passes with a valid unexpired record', () => {
    expect(evaluateAttestation(check, [attestation({})], context)).toEqual({
      checkId: 'oncall-runbook-content',
      status: 'pass',
      evidence: [
        {
          status: 'pass',
          message:
            'Attested by user:default/alice on 2025-05-01, valid until 2025-10-28: https://docs.example.com/runbook',
        },
      ],
    });
  });

  it('does not count a revoked record, falling back to an earlier valid one', () => {
    const revoked = attestation({
      id: 'a2',
      attestedAt: '2025-05-20T00:00:00Z',
      evidenceUrl: 'https://docs.example.com/wrong-runbook',
      revokedAt: '2025-05-21T00:00:00Z',
      revokedBy: 'user:default/alice',
    });
    expect(evaluateAttestation(check, [revoked], context)).toMatchObject({
      status: 'fail',
      evidence: [{ message: 'No attestation recorded' }],
    });
    const result = evaluateAttestation(
      check,
      [revoked, attestation({})],
      context,
    );
    expect(result.status).toBe('pass');
    expect(result.evidence[0].message).toContain(
      'https://docs.example.com/runbook',
    );
  });

  it('fails when no record exists', () => {
    const result = evaluateAttestation(check, [], context);
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      { status: 'fail', message: 'No attestation recorded' },
    ]);
  });

  it('ignores records of other entities and checks, and records made after now', () => {
    const result = evaluateAttestation(
      check,
      [
        attestation({ entityRef: 'component:default/other' }),
        attestation({ checkId: 'perf-capacity-plan' }),
        attestation({ attestedAt: '2025-07-01T00:00:00Z' }),
      ],
      context,
    );
    expect(result.status).toBe('fail');
  });

  it('fails when the latest record has expired, saying when', () => {
    const result = evaluateAttestation(
      check,
      [
        attestation({
          attestedAt: '2024-11-01T00:00:00Z',
          expiresAt: '2025-04-30T00:00:00Z',
        }),
      ],
      context,
    );
    expect(result.status).toBe('fail');
    expect(result.evidence[0].message).toBe(
      'Attestation by user:default/alice on 2024-11-01 expired on 2025-04-30',
    );
  });

  it('caps the expiry at expiryDays after the attestation', () => {
    const result = evaluateAttestation(
      check,
      [
        attestation({
          attestedAt: '2024-11-01T00:00:00Z',
          expiresAt: '2026-01-01T00:00:00Z',
        }),
      ],
      context,
    );
    expect(result.status).toBe('fail');
    expect(result.evidence[0].message).toContain('expired on 2025-04-30');
  });

  it('judges by the latest record: a newer expired record beats an older valid one', () => {
    const result = evaluateAttestation(
      check,
      [
        attestation({ id: 'old', attestedAt: '2025-05-01T00:00:00Z' }),
        attestation({
          id: 'new',
          attestedAt: '2025-05-10T00:00:00Z',
          expiresAt: '2025-05-20T00:00:00Z',
        }),
      ],
      context,
    );
    expect(result.status).toBe('fail');
  });

  it('is not applicable when the latest valid record says so', () => {
    const result = evaluateAttestation(
      check,
      [
        attestation({
          notApplicableReason: 'no runbook needed for a batch job',
        }),
      ],
      context,
    );
    expect(result.status).toBe('not-applicable');
    expect(result.evidence[0].message).toBe(
      'Attested not applicable by user:default/alice on 2025-05-01, valid until 2025-10-28: no runbook needed for a batch job',
    );
  });

  it('fails when a not-applicable record has expired', () => {
    const result = evaluateAttestation(
      check,
      [
        attestation({
          notApplicableReason: 'x',
          expiresAt: '2025-05-15T00:00:00Z',
        }),
      ],
      context,
    );
    expect(result.status).toBe('fail');
  });
});

describe('applyExemption', () => {
  const computed: CheckResult = {
    checkId: 'k8s-min-replicas',
    status: 'fail',
    evidence: [
      {
        status: 'fail',
        message: 'Deployment jobs/leader: spec.replicas = 1, needs >= 2',
      },
    ],
  };
  const exemption = (overrides: Partial<Exemption>): Exemption => ({
    id: 'e1',
    entityRef: 'Component:default/payments-api',
    checkId: 'k8s-min-replicas',
    grantedBy: 'user:default/platform-lead',
    grantedAt: '2025-05-01T00:00:00Z',
    expiresAt: '2025-08-01T00:00:00Z',
    reason: 'leader-only worker',
    ...overrides,
  });

  it('turns the computed status into exempt, keeping reason, who, until when and the computed status', () => {
    expect(applyExemption(computed, [exemption({})], context)).toEqual({
      checkId: 'k8s-min-replicas',
      status: 'exempt',
      computedStatus: 'fail',
      evidence: [
        {
          status: 'exempt',
          message:
            'Exempted by user:default/platform-lead until 2025-08-01: leader-only worker (computed status: fail)',
        },
        ...computed.evidence,
      ],
    });
  });

  it('also applies to computed passes and unknowns', () => {
    const unknown = { ...computed, status: 'unknown' as const };
    expect(
      applyExemption(unknown, [exemption({})], context).computedStatus,
    ).toBe('unknown');
  });

  it.each<[string, Partial<Exemption>]>([
    ['expired', { expiresAt: '2025-05-31T00:00:00Z' }],
    [
      'revoked',
      {
        revokedAt: '2025-05-15T00:00:00Z',
        revokedBy: 'user:default/platform-lead',
      },
    ],
    ['not yet granted', { grantedAt: '2025-07-01T00:00:00Z' }],
    ['for another check', { checkId: 'res-pdb' }],
    ['for another entity', { entityRef: 'component:default/other' }],
  ])('leaves the computed result when the exemption is %s', (_, overrides) => {
    expect(applyExemption(computed, [exemption(overrides)], context)).toBe(
      computed,
    );
  });

  it('uses a later valid exemption when an earlier one was revoked', () => {
    const found = activeExemption(
      'k8s-min-replicas',
      [
        exemption({ id: 'revoked', revokedAt: '2025-05-02T00:00:00Z' }),
        exemption({ id: 'current', grantedAt: '2025-05-03T00:00:00Z' }),
      ],
      context,
    );
    expect(found?.id).toBe('current');
  });
});
