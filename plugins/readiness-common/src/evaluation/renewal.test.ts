import {
  ATTESTATION_RENEWAL_DAYS,
  attestationRenewBy,
  recordInForce,
} from './renewal';

const now = new Date('2026-05-01T12:00:00.000Z');
const inDays = (days: number) =>
  new Date(now.getTime() + days * 24 * 60 * 60 * 1000).toISOString();

describe('attestationRenewBy', () => {
  it('asks for renewal within the last 14 days before expiry', () => {
    expect(ATTESTATION_RENEWAL_DAYS).toBe(14);
    expect(attestationRenewBy({ expiresAt: inDays(10) }, now)).toBe(inDays(10));
    expect(attestationRenewBy({ expiresAt: inDays(14) }, now)).toBe(inDays(14));
  });

  it('stays quiet while more time is left, after expiry and once revoked', () => {
    expect(attestationRenewBy({ expiresAt: inDays(15) }, now)).toBeUndefined();
    expect(attestationRenewBy({ expiresAt: inDays(-1) }, now)).toBeUndefined();
    expect(
      attestationRenewBy({ expiresAt: inDays(3), revokedAt: inDays(-1) }, now),
    ).toBeUndefined();
  });

  it('counts a record as in force until it expires or is revoked', () => {
    expect(recordInForce({ expiresAt: inDays(1) }, now)).toBe(true);
    expect(recordInForce({ expiresAt: inDays(0) }, now)).toBe(false);
    expect(
      recordInForce({ expiresAt: inDays(1), revokedAt: inDays(-1) }, now),
    ).toBe(false);
  });
});
