import { Attestation } from '../types';

/** Owners are reminded this many days before an attestation expires (readiness-checklist.md section 3). */
export const ATTESTATION_RENEWAL_DAYS = 14;

const DAY = 24 * 60 * 60 * 1000;

/**
 * Whether an attestation or exemption still counts at `now`: not revoked and
 * not yet expired.
 *
 * @public
 */
export function recordInForce(
  record: { expiresAt: string; revokedAt?: string },
  now: Date,
): boolean {
  return !record.revokedAt && Date.parse(record.expiresAt) > now.getTime();
}

/**
 * When an attestation in force must be renewed: its expiry, once that is
 * less than {@link ATTESTATION_RENEWAL_DAYS} away. Undefined while the
 * attestation has longer to run, and for revoked or expired ones.
 *
 * @public
 */
export function attestationRenewBy(
  attestation: Pick<Attestation, 'expiresAt'> & { revokedAt?: string },
  now: Date,
): string | undefined {
  const left = Date.parse(attestation.expiresAt) - now.getTime();
  return recordInForce(attestation, now) &&
    left <= ATTESTATION_RENEWAL_DAYS * DAY
    ? attestation.expiresAt
    : undefined;
}
