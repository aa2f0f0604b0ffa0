import { Attestation } from '../types';

/** Owners are reminded this many days before an attestation expires (readiness-checklist.md section 3). */
export const ATTESTATION_RENEWAL_DAYS = 14;

const DAY = 24 * 60 * 60 * 1000;

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
  if (attestation.revokedAt) {
    return undefined;
  }
  const left = Date.parse(attestation.expiresAt) - now.getTime();
  return left > 0 && left <= ATTESTATION_RENEWAL_DAYS * DAY
    ? attestation.expiresAt
    : undefined;
}
