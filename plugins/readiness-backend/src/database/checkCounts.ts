import { Knex } from 'knex';
import { chunks } from './filters';
import { TABLES } from './mappers';

/** One result's contribution to `readiness_check_counts`. */
export interface CountedResult {
  scorecard_id: string;
  check_id: string;
  status: string;
}

/**
 * Deletes the selected results and returns what they counted for. On
 * PostgreSQL the rows come from `DELETE ... RETURNING`, so they are exactly
 * the rows deleted even when another transaction replaced them meanwhile; an
 * SQLite transaction has the database to itself, so reading first is exact.
 */
export async function deleteResults(
  trx: Knex.Transaction,
  selected: Knex.QueryBuilder,
): Promise<CountedResult[]> {
  const columns = ['scorecard_id', 'check_id', 'status'];
  if (trx.client.config.client === 'pg') {
    return selected.delete().returning(columns);
  }
  const rows: CountedResult[] = await selected.clone().select(columns);
  await selected.delete();
  return rows;
}

/**
 * Applies the change from `before` to `after` (results of the same entities)
 * to `readiness_check_counts`, inside the caller's transaction: one upsert
 * statement, its rows in key order so that concurrent writers lock them in the
 * same order. Called only by {@link DatabaseReadinessStore}.
 */
export async function updateCheckCounts(
  trx: Knex.Transaction,
  before: CountedResult[],
  after: CountedResult[],
): Promise<void> {
  const deltas = new Map<string, number>();
  const key = (r: CountedResult) =>
    JSON.stringify([r.scorecard_id, r.check_id, r.status]);
  for (const r of before) deltas.set(key(r), (deltas.get(key(r)) ?? 0) - 1);
  for (const r of after) deltas.set(key(r), (deltas.get(key(r)) ?? 0) + 1);
  const rows = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, delta]) => {
      const [scorecardId, checkId, status] = JSON.parse(k) as string[];
      return {
        scorecard_id: scorecardId,
        check_id: checkId,
        status,
        entities: delta,
      };
    });
  // 4 bound values per row: 200 rows stay far below SQLite's limit.
  for (const batch of chunks(rows, 200)) {
    await trx(TABLES.checkCounts)
      .insert(batch)
      .onConflict(['scorecard_id', 'check_id', 'status'])
      .merge({
        entities: trx.raw('?? + ??', [
          `${TABLES.checkCounts}.entities`,
          'excluded.entities',
        ]),
      });
  }
}
