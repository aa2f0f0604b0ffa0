import { InputError } from '@backstage/errors';
import {
  CheckDefinition,
  Scorecard,
} from '@readiness/backstage-plugin-readiness-common';

const DAY = 24 * 60 * 60 * 1000;

/** Exemptions last at most this long (readiness-checklist.md section 3). */
export const MAX_EXEMPTION_DAYS = 180;

/** The check with this id in any scorecard, or an InputError naming it. */
export function findCheck(
  scorecards: Scorecard[],
  checkId: string,
): CheckDefinition {
  for (const scorecard of scorecards) {
    const check = scorecard.checks.find(c => c.id === checkId);
    if (check) {
      return check;
    }
  }
  throw new InputError(`checkId: no scorecard has a check "${checkId}"`);
}

/**
 * The expiry of a new attestation: the check's default, or an earlier one the
 * attester chose. An expiry past the default is rejected, never shortened
 * silently.
 */
export function attestationExpiry(
  check: CheckDefinition,
  requested: string | undefined,
  now: Date,
): Date {
  if (check.source !== 'attestation' || !check.attestation) {
    throw new InputError(
      `checkId: check "${check.id}" is evaluated from ${check.source} facts and cannot be attested`,
    );
  }
  const latest = new Date(now.getTime() + check.attestation.expiryDays * DAY);
  if (!requested) {
    return latest;
  }
  const expiresAt = new Date(requested);
  if (expiresAt > latest) {
    throw new InputError(
      `expiresAt: attestations of "${check.id}" expire after at most ${
        check.attestation.expiryDays
      } days (${latest.toISOString()})`,
    );
  }
  return expiresAt;
}

/** Checks an exemption's expiry against the maximum. */
export function exemptionExpiry(requested: string, now: Date): Date {
  const expiresAt = new Date(requested);
  const latest = new Date(now.getTime() + MAX_EXEMPTION_DAYS * DAY);
  if (expiresAt > latest) {
    throw new InputError(
      `expiresAt: exemptions expire after at most ${MAX_EXEMPTION_DAYS} days (${latest.toISOString()})`,
    );
  }
  return expiresAt;
}
