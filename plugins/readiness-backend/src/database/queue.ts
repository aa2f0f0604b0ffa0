import { Knex } from 'knex';
import { chunks } from './filters';
import { QueueRow, TABLES } from './mappers';

/**
 * The refresh queue: one row per entity, claimed in batches by replicas.
 * Called only by {@link DatabaseReadinessStore}.
 */

export async function syncQueue(
  db: Knex,
  entityRefs: string[],
  now: Date,
): Promise<string[]> {
  const wanted = new Set(entityRefs);
  return db.transaction(async trx => {
    const existing = await trx<QueueRow>(TABLES.queue).pluck('entity_ref');
    const present = new Set(existing);
    const removed = existing.filter(ref => !wanted.has(ref)).sort();
    const added = [...wanted].filter(ref => !present.has(ref));

    for (const batch of chunks(removed)) {
      await trx(TABLES.queue).whereIn('entity_ref', batch).delete();
    }
    for (const batch of chunks(added)) {
      await trx(TABLES.queue)
        .insert(
          batch.map(ref => ({
            entity_ref: ref,
            next_refresh_at: now,
            failure_count: 0,
          })),
        )
        .onConflict('entity_ref')
        .ignore();
    }
    return removed;
  });
}

export async function claimBatch(
  db: Knex,
  options: { worker: string; limit: number; claimTtlMs: number; now: Date },
): Promise<string[]> {
  const { worker, limit, claimTtlMs, now } = options;
  if (limit <= 0) {
    return [];
  }
  const claim = {
    claimed_by: worker,
    claim_expires_at: new Date(now.getTime() + claimTtlMs),
  };
  const due = (query: Knex.QueryBuilder) =>
    query
      .where('next_refresh_at', '<=', now)
      .where(q =>
        q.whereNull('claimed_by').orWhere('claim_expires_at', '<', now),
      );

  if (db.client.config.client === 'pg') {
    // One statement: rows another replica is claiming are skipped, not waited for.
    const candidates = due(db(TABLES.queue).select('entity_ref'))
      .orderBy('next_refresh_at')
      .orderBy('entity_ref')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    const claimed = await db
      .with('claimed', qb =>
        qb
          .from(TABLES.queue)
          .update(claim)
          .whereIn('entity_ref', candidates)
          .returning(['entity_ref', 'next_refresh_at']),
      )
      .select('entity_ref')
      .from('claimed')
      .orderBy('next_refresh_at')
      .orderBy('entity_ref');
    return claimed.map((row: Pick<QueueRow, 'entity_ref'>) => row.entity_ref);
  }

  // SQLite: one writer at a time, so a transaction is enough.
  return db.transaction(async trx => {
    const refs: string[] = await due(trx(TABLES.queue))
      .orderBy('next_refresh_at')
      .orderBy('entity_ref')
      .limit(limit)
      .pluck('entity_ref');
    if (refs.length > 0) {
      await trx(TABLES.queue).update(claim).whereIn('entity_ref', refs);
    }
    return refs;
  });
}

export async function completeClaims(
  db: Knex,
  options: {
    worker: string;
    outcomes: Array<{ entityRef: string; nextRefreshAt: Date; error?: string }>;
    now: Date;
  },
): Promise<void> {
  const { worker, outcomes, now } = options;
  if (outcomes.length === 0) {
    return;
  }
  await db.transaction(async trx => {
    for (const outcome of outcomes) {
      await trx(TABLES.queue)
        .where({ entity_ref: outcome.entityRef, claimed_by: worker })
        .update({
          claimed_by: null,
          claim_expires_at: null,
          next_refresh_at: outcome.nextRefreshAt,
          last_refreshed_at: now,
          last_error: outcome.error ?? null,
          failure_count:
            outcome.error === undefined
              ? 0
              : trx.raw('?? + 1', ['failure_count']),
        });
    }
  });
}

export async function requestRefresh(
  db: Knex,
  entityRef: string,
  now: Date,
): Promise<void> {
  await db(TABLES.queue)
    .insert({ entity_ref: entityRef, next_refresh_at: now, failure_count: 0 })
    .onConflict('entity_ref')
    .merge(['next_refresh_at']);
}
