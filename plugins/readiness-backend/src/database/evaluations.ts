import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { CountedResult, deleteResults, updateCheckCounts } from './checkCounts';
import { chunks } from './filters';
import {
  ResultRow,
  TABLES,
  historyToRow,
  resultToRow,
  scoreToRow,
} from './mappers';
import { EvaluationWrite } from './ReadinessStore';

/** The new results of an entity on a scorecard whose results changed. */
interface ChangedResults {
  entityRef: string;
  scorecardId: string;
  rows: ResultRow[];
}

/** Score and history rows per insert: about 25 bound values each. */
const SCORE_ROWS_PER_INSERT = 200;
/** Result rows per insert: 8 bound values each. */
const RESULT_ROWS_PER_INSERT = 500;

/** What decides whether a result changed: everything but its time. */
function resultContent(row: ResultRow): string {
  return JSON.stringify([
    row.check_id,
    row.status,
    row.computed_status,
    row.source,
    row.evidence,
  ]);
}

/** The hash of an entity's results on one scorecard, kept on its score row. */
export function resultsHash(rows: ResultRow[]): string {
  const hash = createHash('sha256');
  for (const content of rows.map(resultContent).sort()) {
    hash.update(content).update('\n');
  }
  return hash.digest('hex');
}

/**
 * On PostgreSQL, makes writers of the same entities take turns until the
 * transaction ends (refresh batches on several replicas, a refresh asked
 * through the API, the removal of entities), so that the results read and the
 * counts derived from them stay exact. Locks are taken in one order, so two
 * writers never wait for each other. An SQLite transaction has the database
 * to itself.
 */
export async function lockEntities(
  trx: Knex.Transaction,
  entityRefs: string[],
): Promise<void> {
  if (trx.client.config.client !== 'pg') {
    return;
  }
  for (const refs of chunks([...new Set(entityRefs)].sort())) {
    // Volatile functions in the select list run after the sort.
    await trx.raw(
      'select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(array[?]::text[]) as k order by k',
      [refs],
    );
  }
}

/**
 * Writes evaluations in one transaction, storing only what changed: the score
 * and the day's history point always, and of the results only those whose
 * status, evidence or source differ from the stored ones. Keeps the check
 * counts in step. Called only by {@link DatabaseReadinessStore}.
 */
export async function writeEvaluations(
  db: Knex,
  writes: EvaluationWrite[],
): Promise<void> {
  const latest = new Map<string, EvaluationWrite>();
  for (const write of writes) {
    latest.set(
      JSON.stringify([write.score.entityRef, write.score.scorecardId]),
      write,
    );
  }
  if (latest.size === 0) {
    return;
  }
  const entityRefs = [...new Set(writes.map(w => w.score.entityRef))];
  await db.transaction(async trx => {
    await lockEntities(trx, entityRefs);
    const storedHashes = new Map<string, string | null>();
    for (const refs of chunks(entityRefs)) {
      const rows: Array<{
        entity_ref: string;
        scorecard_id: string;
        results_hash: string | null;
      }> = await trx(TABLES.scores)
        .select('entity_ref', 'scorecard_id', 'results_hash')
        .whereIn('entity_ref', refs);
      for (const row of rows) {
        storedHashes.set(
          JSON.stringify([row.entity_ref, row.scorecard_id]),
          row.results_hash,
        );
      }
    }

    const scoreRows = [];
    const changed: ChangedResults[] = [];
    for (const [key, write] of [...latest].sort(([a], [b]) =>
      a < b ? -1 : 1,
    )) {
      const { entityRef, scorecardId } = write.score;
      const rows = write.results.map(result =>
        resultToRow(entityRef, scorecardId, result),
      );
      const hash = resultsHash(rows);
      if (storedHashes.get(key) !== hash) {
        changed.push({ entityRef, scorecardId, rows });
      }
      scoreRows.push({ ...scoreToRow(write.score), results_hash: hash });
    }
    await replaceChangedResults(trx, changed);
    for (const batch of chunks(scoreRows, SCORE_ROWS_PER_INSERT)) {
      await trx(TABLES.scores)
        .insert(batch)
        .onConflict(['entity_ref', 'scorecard_id'])
        .merge();
    }
    const historyRows = [...latest.values()].map(w => historyToRow(w.score));
    for (const batch of chunks(historyRows, SCORE_ROWS_PER_INSERT)) {
      await trx(TABLES.history)
        .insert(batch)
        .onConflict(['entity_ref', 'scorecard_id', 'day'])
        .merge(['level', 'level_rank', 'score']);
    }
  });
}

/**
 * Replaces the stored results of entities whose results changed, row by row:
 * an unchanged result keeps its row and the time it took its status, a
 * changed or new one is upserted, one the evaluation no longer has is deleted.
 */
async function replaceChangedResults(
  trx: Knex.Transaction,
  changed: ChangedResults[],
): Promise<void> {
  if (changed.length === 0) {
    return;
  }
  const key = (row: Pick<ResultRow, 'entity_ref' | 'scorecard_id'>) =>
    JSON.stringify([row.entity_ref, row.scorecard_id]);
  const changedKeys = new Set(
    changed.map(c =>
      key({ entity_ref: c.entityRef, scorecard_id: c.scorecardId }),
    ),
  );
  const stored = new Map<string, ResultRow>();
  const refs = [...new Set(changed.map(c => c.entityRef))];
  const scorecardIds = [...new Set(changed.map(c => c.scorecardId))];
  for (const batch of chunks(refs)) {
    const rows: ResultRow[] = await trx(TABLES.results)
      .whereIn('entity_ref', batch)
      .whereIn('scorecard_id', scorecardIds);
    for (const row of rows) {
      if (changedKeys.has(key(row))) {
        stored.set(JSON.stringify([key(row), row.check_id]), row);
      }
    }
  }

  const before: CountedResult[] = [];
  const after: CountedResult[] = [];
  const upserts: ResultRow[] = [];
  for (const row of changed.flatMap(c => c.rows)) {
    const rowKey = JSON.stringify([key(row), row.check_id]);
    const old = stored.get(rowKey);
    stored.delete(rowKey);
    if (old && resultContent(old) === resultContent(row)) {
      continue;
    }
    if (old) {
      before.push(old);
    }
    after.push(row);
    upserts.push(row);
  }
  // What is left of the stored rows, the evaluations no longer have.
  for (const old of stored.values()) {
    before.push(
      ...(await deleteResults(
        trx,
        trx(TABLES.results).where({
          entity_ref: old.entity_ref,
          scorecard_id: old.scorecard_id,
          check_id: old.check_id,
        }),
      )),
    );
  }
  for (const batch of chunks(upserts, RESULT_ROWS_PER_INSERT)) {
    await trx(TABLES.results)
      .insert(batch)
      .onConflict(['entity_ref', 'scorecard_id', 'check_id'])
      .merge();
  }
  await updateCheckCounts(trx, before, after);
}
