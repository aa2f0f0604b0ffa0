import type { CheckDefinition } from './definitions/types';
import type {
  Attestation,
  CheckStatus,
  Evidence,
  Exemption,
  StatusCounts,
} from './types';

/**
 * One check of an entity's scorecard as the API returns it: the definition,
 * the stored result and the records behind it.
 *
 * @public
 */
export interface EntityCheckResult {
  checkId: string;
  title: string;
  category: string;
  level: string;
  description: string;
  remediation?: CheckDefinition['remediation'];
  source: string;
  status: CheckStatus;
  evidence: Evidence[];
  /** When the entity was last evaluated. */
  evaluatedAt: string;
  /** When the result took its current status and evidence. */
  changedAt: string;
  /** The newest attestation of this check, in force or not. */
  attestation?: Attestation;
  /** Set while that attestation expires within 14 days: renew it before this time. */
  renewBy?: string;
  /** The exemption in force, if any. */
  exemption?: Exemption;
}

/**
 * An entity's standing on one scorecard.
 *
 * @public
 */
export interface EntityScorecard {
  scorecardId: string;
  title: string;
  levels: string[];
  level: string | null;
  score: number | null;
  counts: StatusCounts;
  /** The level the entity's tier or lifecycle requires, if a target applies. */
  targetLevel: string | null;
  nextLevel: { level: string; blockingCheckIds: string[] } | null;
  categories: Record<string, { score: number | null; counts: StatusCounts }>;
  evaluatedAt: string;
  checks: EntityCheckResult[];
}

/**
 * `GET /entities/:kind/:namespace/:name`.
 *
 * @public
 */
export interface EntityReadiness {
  entityRef: string;
  scorecards: EntityScorecard[];
}

/**
 * A page of items and the total across pages.
 *
 * @public
 */
export interface PagedResponse<T> {
  items: T[];
  total: number;
}

/**
 * One entity's row in the overview table.
 *
 * @public
 */
export interface EntityScoreRow {
  entityRef: string;
  title: string | null;
  kind: string;
  type: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  lifecycle: string | null;
  tier: string | null;
  level: string | null;
  score: number | null;
  counts: StatusCounts;
  evaluatedAt: string;
}

/**
 * One group of `GET /overview`.
 *
 * @public
 */
export interface OverviewGroupRow {
  key: string | null;
  entities: number;
  levels: Record<string, number>;
  averageScore: number | null;
}

/**
 * One entry of an entity's audit trail (`GET /entities/.../audit`).
 *
 * @public
 */
export interface AuditEvent {
  /** What happened to which kind of record. */
  action:
    | 'attestation.created'
    | 'attestation.revoked'
    | 'exemption.granted'
    | 'exemption.revoked';
  /** When it happened (ISO timestamp). */
  at: string;
  /** User entity ref of who did it. */
  by: string;
  checkId: string;
  /** Id of the attestation or exemption. */
  recordId: string;
  /** The record as it is now, revocation included. */
  attestation?: Attestation;
  exemption?: Exemption;
}
