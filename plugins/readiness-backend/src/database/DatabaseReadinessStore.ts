import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  Attestation,
  CheckStatus,
  Exemption,
} from '@readiness/backstage-plugin-readiness-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { chunks, countRows, orderNullsLast } from './filters';
import {
  AttestationRow,
  EntityScoreRow,
  ExemptionRow,
  HistoryRow,
  ResultRow,
  TABLES,
  attestationFromRow,
  attestationToRow,
  exemptionFromRow,
  exemptionToRow,
  historyFromRow,
  resultFromRow,
  scoreFromRow,
} from './mappers';
import * as imports from './imports';
import * as queue from './queue';
import { deleteResults, updateCheckCounts } from './checkCounts';
import * as evaluations from './evaluations';
import * as facts from './facts';
import * as reports from './reports';
import {
  CheckFailureCount,
  CheckResultRow,
  EntityFilters,
  EntityScore,
  EvaluationWrite,
  FactsWrite,
  GroupByField,
  HistoryPoint,
  ImportedRecords,
  ImportOutcome,
  OverviewGroup,
  Page,
  PageRequest,
  ReadinessStore,
  SourceStatus,
  StoredFacts,
  TrendPoint,
} from './ReadinessStore';

const migrationsDir = resolvePackagePath(
  '@readiness/backstage-plugin-readiness-backend',
  'migrations',
);

/** Score rows read per query while streaming an export. */
const EXPORT_PAGE_SIZE = 500;

const entityScoreSortColumns = {
  entityRef: 's.entity_ref',
  title: 's.title',
  owner: 's.owner',
  level: 's.level_rank',
  score: 's.score',
  evaluatedAt: 's.evaluated_at',
} as const;

/** The knex implementation of {@link ReadinessStore}. */
export class DatabaseReadinessStore implements ReadinessStore {
  /** Connects and, unless the adopter skips it, migrates to the latest schema. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReadinessStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseReadinessStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async ping(): Promise<void> {
    await this.db.raw('select 1');
  }

  // Facts

  async getFacts(entityRefs: string[]): Promise<Map<string, StoredFacts[]>> {
    return facts.getFacts(this.db, entityRefs);
  }

  async getFactStates(
    entityRefs: string[],
  ): Promise<Map<string, Array<Omit<StoredFacts, 'data'>>>> {
    return facts.getFactStates(this.db, entityRefs);
  }

  async writeFacts(writes: FactsWrite[]): Promise<Set<string>> {
    return facts.writeFacts(this.db, writes);
  }

  async getSourceStatus(): Promise<SourceStatus[]> {
    return facts.getSourceStatus(this.db);
  }

  // Evaluation results

  async getInputHashes(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, string>>> {
    const hashes = new Map<string, Map<string, string>>();
    for (const refs of chunks([...new Set(entityRefs)])) {
      const rows: Array<
        Pick<EntityScoreRow, 'entity_ref' | 'scorecard_id' | 'input_hash'>
      > = await this.db(TABLES.scores)
        .select('entity_ref', 'scorecard_id', 'input_hash')
        .whereIn('entity_ref', refs);
      for (const row of rows) {
        const byScorecard = hashes.get(row.entity_ref) ?? new Map();
        byScorecard.set(row.scorecard_id, row.input_hash);
        hashes.set(row.entity_ref, byScorecard);
      }
    }
    return hashes;
  }

  async writeEvaluations(writes: EvaluationWrite[]): Promise<void> {
    await evaluations.writeEvaluations(this.db, writes);
  }

  async writeEvaluation(write: EvaluationWrite): Promise<void> {
    await evaluations.writeEvaluations(this.db, [write]);
  }

  async listOutdatedEntityRefs(options: {
    scorecardId: string;
    definitionHash: string;
    after?: string;
    limit: number;
  }): Promise<string[]> {
    const { scorecardId, definitionHash, after, limit } = options;
    const query = this.db(TABLES.scores)
      .select('entity_ref')
      .where('scorecard_id', scorecardId)
      .where(q =>
        q
          .whereNull('definition_hash')
          .orWhereNot('definition_hash', definitionHash),
      )
      .orderBy('entity_ref')
      .limit(limit);
    if (after !== undefined) {
      query.where('entity_ref', '>', after);
    }
    const rows: Array<{ entity_ref: string }> = await query;
    return rows.map(row => row.entity_ref);
  }

  async getEntityEvaluations(entityRef: string): Promise<EvaluationWrite[]> {
    const [scores, results] = await Promise.all([
      this.db<EntityScoreRow>(TABLES.scores)
        .where('entity_ref', entityRef)
        .orderBy('scorecard_id'),
      this.db<ResultRow>(TABLES.results)
        .where('entity_ref', entityRef)
        .orderBy(['scorecard_id', 'check_id']),
    ]);
    return scores.map(row => ({
      score: scoreFromRow(row),
      results: results
        .filter(result => result.scorecard_id === row.scorecard_id)
        .map(resultFromRow),
    }));
  }

  async getHistory(options: {
    entityRef: string;
    scorecardId: string;
    from: string;
    to: string;
  }): Promise<HistoryPoint[]> {
    const rows = await this.db<HistoryRow>(TABLES.history)
      .where({
        entity_ref: options.entityRef,
        scorecard_id: options.scorecardId,
      })
      .whereBetween('day', [options.from, options.to])
      .orderBy('day');
    return rows.map(historyFromRow);
  }

  async listScoredEntityRefs(): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db(TABLES.scores)
      .distinct('entity_ref')
      .orderBy('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async deleteEntities(entityRefs: string[]): Promise<void> {
    // One transaction per chunk: each entity is removed whole, and a
    // transaction holds at most a chunk's entity locks, however many
    // entities left the catalog.
    for (const refs of chunks([...new Set(entityRefs)])) {
      await this.db.transaction(async trx => {
        await evaluations.lockEntities(trx, refs);
        const removed = await deleteResults(
          trx,
          trx(TABLES.results).whereIn('entity_ref', refs),
        );
        await updateCheckCounts(trx, removed, []);
        for (const table of [
          TABLES.facts,
          TABLES.scores,
          TABLES.history,
          TABLES.queue,
        ]) {
          await trx(table).whereIn('entity_ref', refs).delete();
        }
      });
    }
  }

  // Overview, drill-down, export

  async getOverview(options: {
    scorecardId: string;
    levels: string[];
    groupBy: GroupByField;
    filters: EntityFilters;
    page: PageRequest<'key' | 'entities' | 'averageScore'>;
  }): Promise<Page<OverviewGroup>> {
    return reports.getOverview(this.db, options);
  }

  async listEntityScores(options: {
    scorecardId: string;
    filters: EntityFilters;
    page: PageRequest<
      'entityRef' | 'title' | 'owner' | 'level' | 'score' | 'evaluatedAt'
    >;
  }): Promise<Page<EntityScore>> {
    const { scorecardId, filters, page } = options;
    const scores = () => reports.filteredScores(this.db, scorecardId, filters);
    const query = scores().select('s.*');
    orderNullsLast(
      query,
      '??',
      [entityScoreSortColumns[page.sort]],
      page.order,
    );
    const [rows, total] = await Promise.all([
      query.orderBy('s.entity_ref').limit(page.limit).offset(page.offset),
      countRows(this.db, scores().select('s.entity_ref')),
    ]);
    return { items: rows.map(scoreFromRow), total };
  }

  async getTopFailingChecks(options: {
    scorecardId: string;
    filters: EntityFilters;
    limit: number;
  }): Promise<CheckFailureCount[]> {
    return reports.getTopFailingChecks(this.db, options);
  }

  async getTrend(options: {
    scorecardId: string;
    filters: EntityFilters;
    from: string;
    to: string;
  }): Promise<TrendPoint[]> {
    return reports.getTrend(this.db, options);
  }

  async getCheckResults(options: {
    scorecardId: string;
    checkId: string;
    status?: CheckStatus[];
    filters: EntityFilters;
    page: PageRequest<'entityRef' | 'status' | 'evaluatedAt'>;
  }): Promise<Page<CheckResultRow>> {
    return reports.getCheckResults(this.db, options);
  }

  async *listResultsForExport(options: {
    scorecardId: string;
    filters: EntityFilters;
  }): AsyncIterable<{
    score: EntityScore;
    statuses: Record<string, CheckStatus>;
  }> {
    const { scorecardId, filters } = options;
    let after: string | undefined;
    for (;;) {
      const query = reports
        .filteredScores(this.db, scorecardId, filters)
        .select('s.*')
        .orderBy('s.entity_ref')
        .limit(EXPORT_PAGE_SIZE);
      if (after !== undefined) {
        query.where('s.entity_ref', '>', after);
      }
      const scores: EntityScoreRow[] = await query;
      if (scores.length === 0) {
        return;
      }

      const statuses = new Map<string, Record<string, CheckStatus>>();
      const results: Array<
        Pick<ResultRow, 'entity_ref' | 'check_id' | 'status'>
      > = await this.db(TABLES.results)
        .select('entity_ref', 'check_id', 'status')
        .where('scorecard_id', scorecardId)
        .whereIn(
          'entity_ref',
          scores.map(row => row.entity_ref),
        )
        .orderBy(['entity_ref', 'check_id']);
      for (const result of results) {
        const byCheck = statuses.get(result.entity_ref) ?? {};
        byCheck[result.check_id] = result.status;
        statuses.set(result.entity_ref, byCheck);
      }

      for (const row of scores) {
        yield {
          score: scoreFromRow(row),
          statuses: statuses.get(row.entity_ref) ?? {},
        };
      }
      if (scores.length < EXPORT_PAGE_SIZE) {
        return;
      }
      after = scores[scores.length - 1].entity_ref;
    }
  }

  // Attestations and exemptions (append-only)

  async addAttestation(
    record: Omit<Attestation, 'id' | 'revokedAt' | 'revokedBy'>,
  ): Promise<Attestation> {
    const row = attestationToRow(randomUUID(), record);
    await this.db(TABLES.attestations).insert(row);
    return attestationFromRow(row);
  }

  async revokeAttestation(options: {
    entityRef: string;
    id: string;
    revokedBy: string;
    revokedAt: Date;
  }): Promise<Attestation> {
    const row = await this.revoke<AttestationRow>(TABLES.attestations, options);
    if (!row) {
      throw new NotFoundError(
        `No attestation ${options.id} exists for entity ${options.entityRef}`,
      );
    }
    return attestationFromRow(row);
  }

  async addExemption(
    record: Omit<Exemption, 'id' | 'revokedAt' | 'revokedBy'>,
  ): Promise<Exemption> {
    const row = exemptionToRow(randomUUID(), record);
    await this.db(TABLES.exemptions).insert(row);
    return exemptionFromRow(row);
  }

  async revokeExemption(options: {
    entityRef: string;
    id: string;
    revokedBy: string;
    revokedAt: Date;
  }): Promise<Exemption> {
    const row = await this.revoke<ExemptionRow>(TABLES.exemptions, options);
    if (!row) {
      throw new NotFoundError(
        `No exemption ${options.id} exists for entity ${options.entityRef}`,
      );
    }
    return exemptionFromRow(row);
  }

  /** Sets `revoked_by` and `revoked_at` once; the record as it is afterwards. */
  private async revoke<TRow extends {}>(
    table: string,
    options: {
      entityRef: string;
      id: string;
      revokedBy: string;
      revokedAt: Date;
    },
  ): Promise<TRow | undefined> {
    const { entityRef, id, revokedBy, revokedAt } = options;
    return this.db.transaction(async trx => {
      const byId = () => trx(table).where({ id, entity_ref: entityRef });
      await byId()
        .whereNull('revoked_at')
        .update({ revoked_by: revokedBy, revoked_at: revokedAt });
      return (await byId().first()) as TRow | undefined;
    });
  }

  async importRecords(records: ImportedRecords): Promise<ImportOutcome> {
    return imports.importRecords(this.db, records);
  }

  async listRecords(entityRefs: string[]): Promise<{
    attestations: Attestation[];
    exemptions: Exemption[];
  }> {
    const refs = [...new Set(entityRefs)];
    const [attestations, exemptions] = await Promise.all([
      this.db<AttestationRow>(TABLES.attestations)
        .whereIn('entity_ref', refs)
        .orderBy([
          { column: 'attested_at', order: 'desc' },
          { column: 'id', order: 'asc' },
        ]),
      this.db<ExemptionRow>(TABLES.exemptions)
        .whereIn('entity_ref', refs)
        .orderBy([
          { column: 'granted_at', order: 'desc' },
          { column: 'id', order: 'asc' },
        ]),
    ]);
    return {
      attestations: attestations.map(attestationFromRow),
      exemptions: exemptions.map(exemptionFromRow),
    };
  }

  // Refresh queue

  async syncQueue(entityRefs: string[], now: Date): Promise<string[]> {
    return queue.syncQueue(this.db, entityRefs, now);
  }

  async claimBatch(options: {
    worker: string;
    limit: number;
    claimTtlMs: number;
    now: Date;
  }): Promise<string[]> {
    return queue.claimBatch(this.db, options);
  }

  async completeClaims(options: {
    worker: string;
    outcomes: Array<{ entityRef: string; nextRefreshAt: Date; error?: string }>;
    now: Date;
  }): Promise<void> {
    return queue.completeClaims(this.db, options);
  }

  async requestRefresh(entityRef: string, now: Date): Promise<void> {
    return queue.requestRefresh(this.db, entityRef, now);
  }
}
