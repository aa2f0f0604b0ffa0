import { Knex } from 'knex';
import { chunks } from './filters';
import {
  DbNumber,
  DbTimestamp,
  FactsRow,
  TABLES,
  factsFromRow,
  toNumber,
  toOptionalDate,
} from './mappers';
import { FactsWrite, SourceStatus, StoredFacts } from './ReadinessStore';

/**
 * The latest facts per entity and source. Called only by
 * {@link DatabaseReadinessStore}.
 */

export async function getFacts(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, StoredFacts[]>> {
  return readByEntity(db, entityRefs, ['*'], factsFromRow);
}

/** The stored facts without their data: what an evaluation's input hash needs. */
export async function getFactStates(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, Array<Omit<StoredFacts, 'data'>>>> {
  return readByEntity(
    db,
    entityRefs,
    [
      'entity_ref',
      'source',
      'content_hash',
      'collected_at',
      'attempted_at',
      'error',
    ],
    row => {
      const { data, ...state } = factsFromRow({ ...row, data: null });
      return state;
    },
  );
}

/** Reads the given columns of the entities' facts rows, per entity in source order. */
async function readByEntity<T>(
  db: Knex,
  entityRefs: string[],
  columns: string[],
  fromRow: (row: FactsRow) => T,
): Promise<Map<string, T[]>> {
  const byEntity = new Map<string, T[]>();
  for (const refs of chunks([...new Set(entityRefs)])) {
    const rows: FactsRow[] = await db(TABLES.facts)
      .select(columns)
      .whereIn('entity_ref', refs)
      .orderBy(['entity_ref', 'source']);
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push(fromRow(row));
      byEntity.set(row.entity_ref, list);
    }
  }
  return byEntity;
}

export async function writeFacts(
  db: Knex,
  writes: FactsWrite[],
): Promise<Set<string>> {
  // One row per (entity, source); the last answer in the batch wins.
  const latest = new Map<string, FactsWrite>();
  for (const write of writes) {
    latest.set(JSON.stringify([write.entityRef, write.source]), write);
  }
  const changed = new Set<string>();
  if (latest.size === 0) {
    return changed;
  }

  await db.transaction(async trx => {
    const storedHashes = new Map<string, string | null>();
    const entityRefs = [...new Set([...latest.values()].map(w => w.entityRef))];
    for (const refs of chunks(entityRefs)) {
      const rows: Array<
        Pick<FactsRow, 'entity_ref' | 'source' | 'content_hash'>
      > = await trx(TABLES.facts)
        .select('entity_ref', 'source', 'content_hash')
        .whereIn('entity_ref', refs);
      for (const row of rows) {
        storedHashes.set(
          JSON.stringify([row.entity_ref, row.source]),
          row.content_hash,
        );
      }
    }

    const newData: FactsRow[] = [];
    const sameData: FactsRow[] = [];
    const failures: FactsRow[] = [];
    for (const [key, write] of latest) {
      const base = {
        entity_ref: write.entityRef,
        source: write.source,
        attempted_at: write.attemptedAt,
      };
      if (write.status === 'error') {
        failures.push({
          ...base,
          data: null,
          content_hash: null,
          collected_at: null,
          error: write.error,
        });
        continue;
      }
      const row = {
        ...base,
        data: JSON.stringify(write.data),
        content_hash: write.contentHash,
        collected_at: write.attemptedAt,
        error: null,
      };
      if (storedHashes.get(key) === write.contentHash) {
        sameData.push(row);
      } else {
        newData.push(row);
        changed.add(write.entityRef);
      }
    }

    const upsert = async (rows: FactsRow[], merge: Array<keyof FactsRow>) => {
      for (const batch of chunks(rows)) {
        await trx(TABLES.facts)
          .insert(batch)
          .onConflict(['entity_ref', 'source'])
          .merge(merge);
      }
    };
    await upsert(newData, [
      'data',
      'content_hash',
      'collected_at',
      'attempted_at',
      'error',
    ]);
    await upsert(sameData, ['collected_at', 'attempted_at', 'error']);
    await upsert(failures, ['attempted_at', 'error']);
  });
  return changed;
}

export async function getSourceStatus(db: Knex): Promise<SourceStatus[]> {
  const query = db(`${TABLES.facts} as f`)
    .select('f.source')
    .count({ entities: '*' })
    .select(
      db.raw('sum(case when ?? is null then 0 else 1 end) as ??', [
        'f.error',
        'failing',
      ]),
    )
    .max({ last_success_at: 'f.collected_at' })
    .max({ last_attempt_at: 'f.attempted_at' })
    .select({
      last_error: db(`${TABLES.facts} as e`)
        .select('e.error')
        .whereRaw('?? = ??', ['e.source', 'f.source'])
        .whereNotNull('e.error')
        .orderBy('e.attempted_at', 'desc')
        .orderBy('e.entity_ref')
        .limit(1),
    })
    .groupBy('f.source')
    .orderBy('f.source');
  const rows = (await query) as Array<{
    source: string;
    entities: DbNumber;
    failing: DbNumber | null;
    last_success_at: DbTimestamp | null;
    last_attempt_at: DbTimestamp | null;
    last_error: string | null;
  }>;
  return rows.map(row => ({
    source: row.source,
    entities: toNumber(row.entities),
    failing: toNumber(row.failing ?? 0),
    lastSuccessAt: toOptionalDate(row.last_success_at),
    lastAttemptAt: toOptionalDate(row.last_attempt_at),
    lastError: row.last_error,
  }));
}
