import {
  Attestation,
  CheckResult,
  CheckStatus,
  Exemption,
  StatusCounts,
} from '@readiness/backstage-plugin-readiness-common';

/** Attestations and exemptions from import files, keyed by their file entry. */
export interface ImportedRecords {
  attestations: Array<Omit<Attestation, 'id'> & { importKey: string }>;
  exemptions: Array<
    Omit<Exemption, 'id' | 'revokedAt' | 'revokedBy'> & { importKey: string }
  >;
}

/** What an import added: counts, and the entities whose records changed. */
export interface ImportOutcome {
  attestations: number;
  exemptions: number;
  entityRefs: string[];
}

/** The latest facts of one entity from one source. */
export interface StoredFacts {
  entityRef: string;
  source: string;
  /** Facts of the last successful collection; kept when later attempts fail. */
  data: Record<string, unknown> | null;
  contentHash: string | null;
  /** When `data` was collected; null when no collection ever succeeded. */
  collectedAt: Date | null;
  attemptedAt: Date;
  /** Why the last attempt failed; null when it succeeded. */
  error: string | null;
}

/** One provider's answer for one entity, as the engine writes it. */
export type FactsWrite = {
  entityRef: string;
  source: string;
  attemptedAt: Date;
} & (
  | { status: 'ok'; data: Record<string, unknown>; contentHash: string }
  | { status: 'error'; error: string }
);

/** The catalog fields of an entity that the overview groups and filters on. */
export interface EntityColumns {
  kind: string;
  type: string | null;
  title: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  lifecycle: string | null;
  tier: string | null;
}

/** One result row: a check's result plus where its facts came from. */
export interface StoredResult extends CheckResult {
  source: string;
  /** When the result took its current status and evidence. */
  changedAt: Date;
}

/** The denormalised row per entity and scorecard. */
export interface EntityScore extends EntityColumns {
  entityRef: string;
  scorecardId: string;
  level: string | null;
  /** 0 for none, 1 for the lowest level, ... */
  levelRank: number;
  score: number | null;
  counts: StatusCounts;
  inputHash: string;
  /** Hash of the scorecard definition evaluated; unset for scores stored before it was kept. */
  definitionHash?: string;
  evaluatedAt: Date;
}

/** Everything one evaluation of one entity on one scorecard produced. */
export interface EvaluationWrite {
  score: EntityScore;
  results: StoredResult[];
}

/**
 * One day of an entity's history on a scorecard: its standing after the last
 * evaluation written that day.
 */
export interface HistoryPoint {
  day: string;
  level: string | null;
  levelRank: number;
  score: number | null;
}

/** Filters of the overview, the entity table, drill-down and export. Values within a field are ORed. */
export interface EntityFilters {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  tier?: string[];
  kind?: string[];
  type?: string[];
  /** Level names; `none` matches entities that reached no level. */
  level?: string[];
  /** Case-insensitive substring of the entity ref or title. */
  search?: string;
  /**
   * Only these entities (the ones the caller can read in the catalog);
   * undefined for no restriction. Not a query parameter: set by the router.
   */
  entityRefs?: string[];
}

/** Columns the overview can group by. */
export type GroupByField =
  | 'owner'
  | 'system'
  | 'domain'
  | 'lifecycle'
  | 'tier'
  | 'kind';

/** Paging and sorting of a list. */
export interface PageRequest<TSort extends string> {
  limit: number;
  offset: number;
  sort: TSort;
  order: 'asc' | 'desc';
}

/** A page of a list and the total count across pages. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Aggregate of one group of the overview. */
export interface OverviewGroup {
  /** The group's value; null for entities without one (e.g. no system). */
  key: string | null;
  entities: number;
  /** Entities per level name, `none` included. */
  levels: Record<string, number>;
  averageScore: number | null;
}

/**
 * Level distribution and average score of the filtered entities on one day.
 * Each entity counts with its latest history point on or before the day.
 */
export interface TrendPoint {
  day: string;
  /** Entities per level name, `none` included. */
  levels: Record<string, number>;
  averageScore: number | null;
}

/** How often a check fails across the filtered entities. */
export interface CheckFailureCount {
  checkId: string;
  failing: number;
}

/** One entity's result for one check, for drill-down. */
export interface CheckResultRow {
  entityRef: string;
  title: string | null;
  owner: string | null;
  status: CheckStatus;
  evidence: CheckResult['evidence'];
  /** When the entity was last evaluated. */
  evaluatedAt: Date;
  /** When the result took its current status and evidence. */
  changedAt: Date;
}

/** Health of one fact source, for `GET /status`. */
export interface SourceStatus {
  source: string;
  entities: number;
  /** Entities whose last attempt failed. */
  failing: number;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
  /** The most recent error message, if any entity's last attempt failed. */
  lastError: string | null;
}

/**
 * Persistence of the Readiness backend. The knex implementation is
 * {@link DatabaseReadinessStore}; routes and the engine see only this.
 * Ordering, filtering, aggregation and paging happen in SQL.
 */
export interface ReadinessStore {
  /** Runs a trivial query; resolves when the database answers. */
  ping(): Promise<void>;

  // Facts

  /** Latest facts of the given entities, keyed by entity ref. */
  getFacts(entityRefs: string[]): Promise<Map<string, StoredFacts[]>>;
  /** The stored facts without their data (states and hashes), cheap to read. */
  getFactStates(
    entityRefs: string[],
  ): Promise<Map<string, Array<Omit<StoredFacts, 'data'>>>>;
  /**
   * Writes provider answers. A success replaces data only when the content
   * hash differs; a failure records the error and attempt time and keeps the
   * previous data. Resolves to the entity refs whose stored data changed.
   */
  writeFacts(writes: FactsWrite[]): Promise<Set<string>>;
  /** Per-source health derived from the stored facts. */
  getSourceStatus(): Promise<SourceStatus[]>;

  // Evaluation results

  /** Input hashes of the stored scores, keyed by entity ref, then scorecard id. */
  getInputHashes(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, string>>>;
  /**
   * Stores evaluations in one transaction: each entity's score on the
   * scorecard and the day's history point (the latest of the day wins), and
   * of its results only those that changed, so an unchanged result keeps the
   * time it took its status.
   */
  writeEvaluations(writes: EvaluationWrite[]): Promise<void>;
  /** {@link ReadinessStore.writeEvaluations} of one evaluation. */
  writeEvaluation(write: EvaluationWrite): Promise<void>;
  /**
   * Entities scored on the scorecard with another definition than
   * `definitionHash` (or before definitions were recorded), in entity ref
   * order after `after`.
   */
  listOutdatedEntityRefs(options: {
    scorecardId: string;
    definitionHash: string;
    after?: string;
    limit: number;
  }): Promise<string[]>;
  /** Scores and results of one entity on every scorecard. */
  getEntityEvaluations(entityRef: string): Promise<EvaluationWrite[]>;
  /**
   * The entity's points with `from <= day <= to` (days as `YYYY-MM-DD`),
   * oldest first. Days without a point kept the previous point's standing.
   */
  getHistory(options: {
    entityRef: string;
    scorecardId: string;
    from: string;
    to: string;
  }): Promise<HistoryPoint[]>;
  /** Every entity ref with a stored score on any scorecard. */
  listScoredEntityRefs(): Promise<string[]>;
  /** Removes every stored trace of entities that left the catalog, except attestation and exemption records. */
  deleteEntities(entityRefs: string[]): Promise<void>;

  // Overview, drill-down, export

  /**
   * One aggregate per value of the `groupBy` column. Every group's `levels`
   * has the same keys: the levels the filtered entities reached, and `none`.
   * Null keys and null average scores sort last in both directions.
   */
  getOverview(options: {
    scorecardId: string;
    /** The scorecard's levels, lowest first: the levels counted per group. */
    levels: string[];
    groupBy: GroupByField;
    filters: EntityFilters;
    page: PageRequest<'key' | 'entities' | 'averageScore'>;
  }): Promise<Page<OverviewGroup>>;
  /** The filtered score rows; `level` sorts by level rank, nulls sort last. */
  listEntityScores(options: {
    scorecardId: string;
    filters: EntityFilters;
    page: PageRequest<
      'entityRef' | 'title' | 'owner' | 'level' | 'score' | 'evaluatedAt'
    >;
  }): Promise<Page<EntityScore>>;
  /** The checks failing on most of the filtered entities, most first. */
  getTopFailingChecks(options: {
    scorecardId: string;
    filters: EntityFilters;
    limit: number;
  }): Promise<CheckFailureCount[]>;
  /**
   * One point per day from `from` to `to` (`YYYY-MM-DD`, inclusive) on which
   * at least one filtered entity had a history point on or before it.
   */
  getTrend(options: {
    scorecardId: string;
    filters: EntityFilters;
    from: string;
    to: string;
  }): Promise<TrendPoint[]>;
  /**
   * Drill-down: the filtered entities' results of one check. `status` sorts
   * fail, unknown, pass, exempt, not-applicable (the order the UI lists).
   */
  getCheckResults(options: {
    scorecardId: string;
    checkId: string;
    status?: CheckStatus[];
    filters: EntityFilters;
    page: PageRequest<'entityRef' | 'status' | 'evaluatedAt'>;
  }): Promise<Page<CheckResultRow>>;
  /** Every result of the filtered entities on a scorecard, streamed in entity order for export. */
  listResultsForExport(options: {
    scorecardId: string;
    filters: EntityFilters;
  }): AsyncIterable<{
    score: EntityScore;
    statuses: Record<string, CheckStatus>;
  }>;

  // Attestations and exemptions (append-only)

  addAttestation(
    record: Omit<Attestation, 'id' | 'revokedAt' | 'revokedBy'>,
  ): Promise<Attestation>;
  /**
   * Records the revocation of an attestation (who and when); the record is
   * kept. Throws NotFoundError for an unknown id or another entity's record.
   * An attestation revoked before is returned unchanged.
   */
  revokeAttestation(options: {
    entityRef: string;
    id: string;
    revokedBy: string;
    revokedAt: Date;
  }): Promise<Attestation>;
  addExemption(
    record: Omit<Exemption, 'id' | 'revokedAt' | 'revokedBy'>,
  ): Promise<Exemption>;
  /**
   * Records the revocation; throws NotFoundError for an unknown id or another
   * entity's record. An exemption revoked before is returned unchanged.
   */
  revokeExemption(options: {
    entityRef: string;
    id: string;
    revokedBy: string;
    revokedAt: Date;
  }): Promise<Exemption>;
  /**
   * Adds records read from import files, each at most once: an entry whose
   * import key is stored already is skipped. Resolves to the numbers added.
   */
  importRecords(records: ImportedRecords): Promise<ImportOutcome>;
  /** All records of the given entities, newest first. */
  listRecords(entityRefs: string[]): Promise<{
    attestations: Attestation[];
    exemptions: Exemption[];
  }>;

  // Refresh queue

  /**
   * Makes the queue hold exactly these entities: new ones are due now,
   * rows of entities no longer listed are deleted. Resolves to the removed refs.
   */
  syncQueue(entityRefs: string[], now: Date): Promise<string[]>;
  /**
   * Claims up to `limit` due, unclaimed (or expired-claim) entities for
   * `worker` until `now + claimTtlMs`. On PostgreSQL one
   * `UPDATE ... WHERE entity_ref IN (SELECT ... FOR UPDATE SKIP LOCKED)`.
   */
  claimBatch(options: {
    worker: string;
    limit: number;
    claimTtlMs: number;
    now: Date;
  }): Promise<string[]>;
  /**
   * Releases claims held by `worker`, schedules the next refresh and records
   * errors (failure_count +1, or reset to 0). Outcomes for entities whose
   * claim another worker took over meanwhile are ignored.
   */
  completeClaims(options: {
    worker: string;
    outcomes: Array<{ entityRef: string; nextRefreshAt: Date; error?: string }>;
    now: Date;
  }): Promise<void>;
  /** Makes an entity due now (adding it to the queue if missing). */
  requestRefresh(entityRef: string, now: Date): Promise<void>;
}
