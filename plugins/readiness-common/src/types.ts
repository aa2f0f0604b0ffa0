/**
 * The vocabulary shared by every Readiness package: check results, levels,
 * scores, attestations and exemptions. One name per concept, from database
 * column to UI label.
 */

/**
 * The state of one check for one entity (readiness-checklist.md section 3).
 *
 * @public
 */
export type CheckStatus =
  | 'pass'
  | 'fail'
  | 'not-applicable'
  | 'unknown'
  | 'exempt';

/**
 * All check statuses, in the order the UI lists them.
 *
 * @public
 */
export const CHECK_STATUSES: readonly CheckStatus[] = [
  'fail',
  'unknown',
  'pass',
  'exempt',
  'not-applicable',
];

/**
 * Where a check's deciding facts come from. Providers added by modules use
 * their own ids.
 *
 * @public
 */
export type CheckSource =
  | 'kubernetes'
  | 'repository'
  | 'catalog'
  | 'attestation'
  | (string & {});

/**
 * One piece of evidence a human can act on: which object or file was looked
 * at and what was found ("deployment payments/checkout replicas=1, needs >= 2").
 *
 * @public
 */
export interface Evidence {
  /** The object or file the evidence is about, e.g. `deployment payments/checkout`. */
  object?: string;
  /** The outcome for that object. */
  status: CheckStatus;
  /** What was found, phrased for the service owner. */
  message: string;
}

/**
 * The result of one check for one entity.
 *
 * @public
 */
export interface CheckResult {
  checkId: string;
  status: CheckStatus;
  /** Evidence behind the status; empty only for statuses that need none. */
  evidence: Evidence[];
  /**
   * For `exempt` results: the status the check computed before the exemption
   * applied, so that it comes back when the exemption ends.
   */
  computedStatus?: CheckStatus;
}

/**
 * Counts of check statuses.
 *
 * @public
 */
export type StatusCounts = Record<CheckStatus, number>;

/**
 * An entity's standing on one scorecard.
 *
 * @public
 */
export interface ScoreSummary {
  /** The highest level reached, or `null` when none is (shown as "none"). */
  level: string | null;
  /** `(pass + exempt) / (all - not-applicable)` as a percentage, 0..100; `null` when every check is not applicable. */
  score: number | null;
  counts: StatusCounts;
  /** The lowest level not yet reached and the checks that block it. */
  nextLevel: { level: string; blockingCheckIds: string[] } | null;
  /** Score per category, same formula. */
  categories: Record<string, { score: number | null; counts: StatusCounts }>;
}

/**
 * An owner's statement that a check holds (or does not apply), with evidence
 * and an expiry. Append-only; a revocation is recorded on the record.
 *
 * @public
 */
export interface Attestation {
  id: string;
  entityRef: string;
  checkId: string;
  /** User entity ref of the person who attested. */
  attestedBy: string;
  attestedAt: string;
  expiresAt: string;
  evidenceUrl: string;
  note?: string;
  /** When set, the owner attests that the check does not apply, for this reason. */
  notApplicableReason?: string;
  /** Set when the attestation was withdrawn; it no longer counts from then on. */
  revokedAt?: string;
  revokedBy?: string;
}

/**
 * A waiver of one check for one entity, with a reason and an expiry.
 * Append-only; a revocation is a new record.
 *
 * @public
 */
export interface Exemption {
  id: string;
  entityRef: string;
  checkId: string;
  grantedBy: string;
  grantedAt: string;
  expiresAt: string;
  reason: string;
  /** Set when the exemption was withdrawn before it expired. */
  revokedAt?: string;
  revokedBy?: string;
}
