import {
  Attestation,
  CheckStatus,
  Evidence,
  Exemption,
} from '@readiness/backstage-plugin-readiness-common';
import {
  EntityScore,
  HistoryPoint,
  StoredFacts,
  StoredResult,
} from './ReadinessStore';

/**
 * A timestamp as the drivers return it: PostgreSQL gives a Date,
 * better-sqlite3 the milliseconds knex bound (a string only for values
 * written by SQL functions).
 */
export type DbTimestamp = Date | number | string;

/** A count or sum: PostgreSQL returns bigint and numeric as strings. */
export type DbNumber = number | string;

export const TABLES = {
  facts: 'readiness_facts',
  results: 'readiness_results',
  scores: 'readiness_entity_scores',
  history: 'readiness_history',
  attestations: 'readiness_attestations',
  exemptions: 'readiness_exemptions',
  queue: 'readiness_refresh_queue',
  checkCounts: 'readiness_check_counts',
} as const;

export interface FactsRow {
  entity_ref: string;
  source: string;
  data: string | null;
  content_hash: string | null;
  collected_at: DbTimestamp | null;
  attempted_at: DbTimestamp;
  error: string | null;
}

export interface ResultRow {
  entity_ref: string;
  scorecard_id: string;
  check_id: string;
  status: CheckStatus;
  computed_status: CheckStatus | null;
  source: string;
  evidence: string;
  changed_at: DbTimestamp;
}

export interface EntityScoreRow {
  entity_ref: string;
  scorecard_id: string;
  level: string | null;
  level_rank: number;
  score: number | null;
  pass_count: number;
  fail_count: number;
  not_applicable_count: number;
  unknown_count: number;
  exempt_count: number;
  kind: string;
  type: string | null;
  title: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  lifecycle: string | null;
  tier: string | null;
  input_hash: string;
  results_hash?: string | null;
  definition_hash: string | null;
  evaluated_at: DbTimestamp;
}

export interface HistoryRow {
  entity_ref: string;
  scorecard_id: string;
  day: string;
  level: string | null;
  level_rank: number;
  score: number | null;
}

export interface AttestationRow {
  id: string;
  entity_ref: string;
  check_id: string;
  attested_by: string;
  attested_at: DbTimestamp;
  expires_at: DbTimestamp;
  evidence_url: string;
  note: string | null;
  not_applicable_reason: string | null;
  revoked_by: string | null;
  revoked_at: DbTimestamp | null;
}

export interface ExemptionRow {
  id: string;
  entity_ref: string;
  check_id: string;
  granted_by: string;
  granted_at: DbTimestamp;
  expires_at: DbTimestamp;
  reason: string;
  revoked_by: string | null;
  revoked_at: DbTimestamp | null;
}

export interface QueueRow {
  entity_ref: string;
  next_refresh_at: DbTimestamp;
  claimed_by: string | null;
  claim_expires_at: DbTimestamp | null;
  last_refreshed_at: DbTimestamp | null;
  last_error: string | null;
  failure_count: number;
}

export function toDate(value: DbTimestamp): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toOptionalDate(value: DbTimestamp | null): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

export function toNumber(value: DbNumber): number {
  return Number(value);
}

export function toOptionalNumber(
  value: DbNumber | null | undefined,
): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** The UTC day of a timestamp, as stored in `readiness_history.day`. */
export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function factsFromRow(row: FactsRow): StoredFacts {
  return {
    entityRef: row.entity_ref,
    source: row.source,
    data: row.data === null ? null : JSON.parse(row.data),
    contentHash: row.content_hash,
    collectedAt: toOptionalDate(row.collected_at),
    attemptedAt: toDate(row.attempted_at),
    error: row.error,
  };
}

export function resultToRow(
  entityRef: string,
  scorecardId: string,
  result: StoredResult,
): ResultRow {
  return {
    entity_ref: entityRef,
    scorecard_id: scorecardId,
    check_id: result.checkId,
    status: result.status,
    computed_status: result.computedStatus ?? null,
    source: result.source,
    evidence: JSON.stringify(result.evidence),
    changed_at: result.changedAt,
  };
}

export function resultFromRow(row: ResultRow): StoredResult {
  return {
    checkId: row.check_id,
    status: row.status,
    ...(row.computed_status ? { computedStatus: row.computed_status } : {}),
    evidence: JSON.parse(row.evidence) as Evidence[],
    source: row.source,
    changedAt: toDate(row.changed_at),
  };
}

export function scoreToRow(score: EntityScore): EntityScoreRow {
  return {
    entity_ref: score.entityRef,
    scorecard_id: score.scorecardId,
    level: score.level,
    level_rank: score.levelRank,
    score: score.score,
    pass_count: score.counts.pass,
    fail_count: score.counts.fail,
    not_applicable_count: score.counts['not-applicable'],
    unknown_count: score.counts.unknown,
    exempt_count: score.counts.exempt,
    kind: score.kind,
    type: score.type,
    title: score.title,
    owner: score.owner,
    system: score.system,
    domain: score.domain,
    lifecycle: score.lifecycle,
    tier: score.tier,
    input_hash: score.inputHash,
    definition_hash: score.definitionHash ?? null,
    evaluated_at: score.evaluatedAt,
  };
}

export function scoreFromRow(row: EntityScoreRow): EntityScore {
  return {
    entityRef: row.entity_ref,
    scorecardId: row.scorecard_id,
    level: row.level,
    levelRank: toNumber(row.level_rank),
    score: toOptionalNumber(row.score),
    counts: {
      pass: toNumber(row.pass_count),
      fail: toNumber(row.fail_count),
      'not-applicable': toNumber(row.not_applicable_count),
      unknown: toNumber(row.unknown_count),
      exempt: toNumber(row.exempt_count),
    },
    kind: row.kind,
    type: row.type,
    title: row.title,
    owner: row.owner,
    system: row.system,
    domain: row.domain,
    lifecycle: row.lifecycle,
    tier: row.tier,
    inputHash: row.input_hash,
    ...(row.definition_hash ? { definitionHash: row.definition_hash } : {}),
    evaluatedAt: toDate(row.evaluated_at),
  };
}

export function historyToRow(score: EntityScore): HistoryRow {
  return {
    entity_ref: score.entityRef,
    scorecard_id: score.scorecardId,
    day: toDay(score.evaluatedAt),
    level: score.level,
    level_rank: score.levelRank,
    score: score.score,
  };
}

export function historyFromRow(row: HistoryRow): HistoryPoint {
  return {
    day: row.day,
    level: row.level,
    levelRank: toNumber(row.level_rank),
    score: toOptionalNumber(row.score),
  };
}

export function attestationToRow(
  id: string,
  record: Omit<Attestation, 'id' | 'revokedAt' | 'revokedBy'>,
): AttestationRow {
  return {
    id,
    entity_ref: record.entityRef,
    check_id: record.checkId,
    attested_by: record.attestedBy,
    attested_at: new Date(record.attestedAt),
    expires_at: new Date(record.expiresAt),
    evidence_url: record.evidenceUrl,
    note: record.note ?? null,
    not_applicable_reason: record.notApplicableReason ?? null,
    revoked_by: null,
    revoked_at: null,
  };
}

export function attestationFromRow(row: AttestationRow): Attestation {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    attestedBy: row.attested_by,
    attestedAt: toDate(row.attested_at).toISOString(),
    expiresAt: toDate(row.expires_at).toISOString(),
    evidenceUrl: row.evidence_url,
    ...(row.note !== null ? { note: row.note } : {}),
    ...(row.not_applicable_reason !== null
      ? { notApplicableReason: row.not_applicable_reason }
      : {}),
    ...revocationFromRow(row),
  };
}

export function exemptionToRow(
  id: string,
  record: Omit<Exemption, 'id' | 'revokedAt' | 'revokedBy'>,
): ExemptionRow {
  return {
    id,
    entity_ref: record.entityRef,
    check_id: record.checkId,
    granted_by: record.grantedBy,
    granted_at: new Date(record.grantedAt),
    expires_at: new Date(record.expiresAt),
    reason: record.reason,
    revoked_by: null,
    revoked_at: null,
  };
}

export function exemptionFromRow(row: ExemptionRow): Exemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    grantedBy: row.granted_by,
    grantedAt: toDate(row.granted_at).toISOString(),
    expiresAt: toDate(row.expires_at).toISOString(),
    reason: row.reason,
    ...revocationFromRow(row),
  };
}

/** `revokedAt` and `revokedBy` of a revoked record; nothing for one in force. */
function revocationFromRow(row: {
  revoked_by: string | null;
  revoked_at: DbTimestamp | null;
}): { revokedAt?: string; revokedBy?: string } {
  return {
    ...(row.revoked_at !== null && row.revoked_at !== undefined
      ? { revokedAt: toDate(row.revoked_at).toISOString() }
      : {}),
    ...(row.revoked_by !== null && row.revoked_by !== undefined
      ? { revokedBy: row.revoked_by }
      : {}),
  };
}
