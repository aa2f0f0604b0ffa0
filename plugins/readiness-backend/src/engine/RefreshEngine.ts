import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityFacts,
  evaluateScorecard,
  Scorecard,
  scorecardAppliesTo,
  READINESS_TIER_ANNOTATION,
} from '@readiness/backstage-plugin-readiness-common';
import {
  eventLoopSlices,
  FactProvider,
} from '@readiness/backstage-plugin-readiness-node';
import { RefreshOptions } from '../config';
import {
  EntityColumns,
  EvaluationWrite,
  FactsWrite,
  ReadinessStore,
} from '../database/ReadinessStore';
import {
  definitionHash,
  evaluationInputHash,
  factsHash,
  sourceStates,
  toEntityFacts,
} from './entityFacts';
import { RefreshMetrics } from './metrics';
import { retryEndedSessions } from './reconnect';

/** Fields of catalog entities the engine reads when listing what is in scope. */
const SCOPE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
  'metadata.tags',
  'spec.type',
  'spec.lifecycle',
];

/** Entities re-scored per page when a scorecard definition changed. */
const RESCORE_PAGE_SIZE = 500;

/** What one refresh of a batch did. */
export interface BatchOutcome {
  refreshed: string[];
  /** Entity refs the catalog no longer has. */
  gone: string[];
  evaluations: number;
  /** Evaluations skipped because nothing they depend on changed. */
  unchanged: number;
}

/**
 * Collects facts, evaluates scorecards and stores the results. Work comes
 * from the refresh queue, claimed in batches with an expiring claim, so any
 * number of backend replicas on one database share it and a crashed
 * replica's batch is taken over when its claim expires.
 */
export class RefreshEngine {
  constructor(
    private readonly options: {
      store: ReadinessStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      providers: () => FactProvider[];
      scorecards: () => Scorecard[];
      refresh: RefreshOptions;
      /** Identifies this replica in claims. */
      workerId: string;
      metrics?: RefreshMetrics;
    },
  ) {}

  /** Makes the refresh queue hold exactly the catalog entities some scorecard applies to. */
  async syncQueue(
    now = new Date(),
  ): Promise<{ entities: number; removed: number }> {
    const { catalog, auth, store } = this.options;
    const scorecards = this.options.scorecards();
    const credentials = await auth.getOwnServiceCredentials();
    const refs: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor ? { cursor, limit: 500 } : { fields: SCOPE_FIELDS, limit: 500 },
        { credentials },
      );
      for (const entity of page.items) {
        if (scorecards.some(s => scorecardAppliesTo(s, entity))) {
          refs.push(stringifyEntityRef(entity));
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    const removed = await store.syncQueue(refs, now);
    if (removed.length) {
      await store.deleteEntities(removed);
    }
    return { entities: refs.length, removed: removed.length };
  }

  /**
   * Claims due batches and refreshes them until none is due. A batch whose
   * refresh fails is due again after `retryDelayMs`. Claiming and releasing
   * survive sessions the server ended (their pooled connections are
   * replaced); when the claims cannot be released at all (the database is
   * gone), this run stops and the claims expire, so a later run, here or on
   * another replica, takes the batch over.
   */
  async refreshDue(): Promise<number> {
    const { store, refresh, workerId, logger, metrics } = this.options;
    let total = 0;
    for (;;) {
      const now = new Date();
      const batch = await retryEndedSessions(() =>
        store.claimBatch({
          worker: workerId,
          limit: refresh.batchSize,
          claimTtlMs: refresh.claimTimeoutMs,
          now,
        }),
      );
      if (!batch.length) {
        return total;
      }
      let error: string | undefined;
      const started = Date.now();
      try {
        await this.refreshEntities(batch, now);
      } catch (e) {
        error = stringifyError(e);
        logger.error(`Refreshing ${batch.length} entities failed: ${error}`);
      }
      metrics?.batchRefreshed({
        entities: batch.length,
        durationMs: Date.now() - started,
        failed: error !== undefined,
      });
      const delayMs = error ? refresh.retryDelayMs : refresh.intervalMs;
      await retryEndedSessions(() =>
        store.completeClaims({
          worker: workerId,
          now: new Date(),
          outcomes: batch.map(entityRef => ({
            entityRef,
            nextRefreshAt: new Date(Date.now() + delayMs),
            error,
          })),
        }),
      );
      total += batch.length;
    }
  }

  /** Collects facts for the given entities with every provider, then evaluates them. */
  async refreshEntities(
    entityRefs: string[],
    now = new Date(),
  ): Promise<BatchOutcome> {
    const { catalog, auth, store } = this.options;
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const entities = items.filter((e): e is Entity => !!e);
    const gone = entityRefs.filter((_, i) => !items[i]);
    if (gone.length) {
      await store.deleteEntities(gone);
    }
    await store.writeFacts(await this.collect(entities));
    const { evaluations, unchanged } = await this.evaluateEntities(
      entities,
      now,
    );
    return {
      refreshed: entities.map(e => stringifyEntityRef(e)),
      gone,
      evaluations,
      unchanged,
    };
  }

  /**
   * Asks every provider for the whole batch at once, each within its time
   * limit: a provider still busy at the limit is aborted and its answer no
   * longer awaited, so one slow source never holds up the others.
   */
  private async collect(entities: Entity[]): Promise<FactsWrite[]> {
    const { refresh, logger, metrics } = this.options;
    const writes: FactsWrite[] = [];
    await Promise.all(
      this.options.providers().map(async provider => {
        const attemptedAt = new Date();
        const own: FactsWrite[] = [];
        try {
          const answers = await withinTimeLimit(
            signal => provider.collect({ entities, signal }),
            refresh.providerTimeoutMs,
            `Fact provider ${provider.id} gave no answer within ${refresh.providerTimeoutMs} ms`,
          );
          for (const [entityRef, answer] of answers) {
            own.push(
              answer.status === 'ok'
                ? {
                    entityRef,
                    source: provider.id,
                    attemptedAt,
                    status: 'ok',
                    data: answer.data,
                    contentHash: factsHash(answer.data),
                  }
                : { entityRef, source: provider.id, attemptedAt, ...answer },
            );
          }
        } catch (e) {
          const error = stringifyError(e);
          logger.warn(`Fact provider ${provider.id} failed: ${error}`);
          for (const entity of entities) {
            own.push({
              entityRef: stringifyEntityRef(entity),
              source: provider.id,
              attemptedAt,
              status: 'error',
              error,
            });
          }
        }
        writes.push(...own);
        metrics?.factsFailed(
          provider.id,
          own.filter(w => w.status === 'error').length,
        );
      }),
    );
    return writes;
  }

  /**
   * Evaluates entities on their stored facts and records, without collecting;
   * evaluations whose inputs did not change are skipped.
   */
  async evaluateEntities(entities: Entity[], now = new Date()) {
    const { store, refresh } = this.options;
    const scorecards = this.options.scorecards();
    const refs = entities.map(e => stringifyEntityRef(e));
    // The input hashes need the facts' states and hashes, not their data:
    // the data is read only for the evaluations whose inputs changed.
    const [states, records, hashes] = await Promise.all([
      store.getFactStates(refs),
      store.listRecords(refs),
      store.getInputHashes(refs),
    ]);
    const factOptions = {
      now,
      maxAgeMs: (source: string) =>
        refresh.maxFactAgeMs[source] ?? refresh.defaultMaxFactAgeMs,
    };
    const attestationsOf = groupByEntity(records.attestations);
    const exemptionsOf = groupByEntity(records.exemptions);
    const due: Array<{
      entity: Entity;
      entityRef: string;
      scorecard: Scorecard;
      inputHash: string;
    }> = [];
    let unchanged = 0;
    for (const entity of entities) {
      const entityRef = stringifyEntityRef(entity);
      const sources = sourceStates(states.get(entityRef) ?? [], factOptions);
      for (const scorecard of scorecards) {
        if (!scorecardAppliesTo(scorecard, entity)) {
          continue;
        }
        const inputHash = evaluationInputHash({
          scorecard,
          entity,
          sources,
          attestations: attestationsOf.get(entityRef) ?? [],
          exemptions: exemptionsOf.get(entityRef) ?? [],
          now,
        });
        if (hashes.get(entityRef)?.get(scorecard.id) === inputHash) {
          unchanged++;
        } else {
          due.push({ entity, entityRef, scorecard, inputHash });
        }
      }
    }

    const facts = await store.getFacts([...new Set(due.map(d => d.entityRef))]);
    const writes: EvaluationWrite[] = [];
    const breathe = eventLoopSlices();
    for (const { entity, entityRef, scorecard, inputHash } of due) {
      await breathe();
      const entityFacts = toEntityFacts(
        entity,
        facts.get(entityRef) ?? [],
        factOptions,
      );
      const { results, summary } = evaluateScorecard(scorecard, entityFacts, {
        now,
        attestations: attestationsOf.get(entityRef) ?? [],
        exemptions: exemptionsOf.get(entityRef) ?? [],
      });
      const sourceOf = new Map(scorecard.checks.map(c => [c.id, c.source]));
      writes.push({
        score: {
          entityRef,
          scorecardId: scorecard.id,
          level: summary.level,
          levelRank: summary.level
            ? scorecard.levels.indexOf(summary.level) + 1
            : 0,
          score: summary.score,
          counts: summary.counts,
          inputHash,
          definitionHash: definitionHash(scorecard),
          evaluatedAt: now,
          ...entityColumns(entityFacts),
        },
        results: results.map(r => ({
          ...r,
          source: sourceOf.get(r.checkId) ?? 'unknown',
          changedAt: now,
        })),
      });
    }
    await store.writeEvaluations(writes);
    return { evaluations: writes.length, unchanged };
  }

  /**
   * Re-evaluates, on their stored facts and without collecting, the entities
   * last scored with another definition of a scorecard than the loaded one,
   * so that a changed check or level counts everywhere within minutes instead
   * of at each entity's next refresh. Pages go in entity ref order; an entity
   * the catalog no longer has is left to the queue sync.
   */
  async rescoreOutdated(now = new Date()): Promise<number> {
    const { store, catalog, auth } = this.options;
    let total = 0;
    for (const scorecard of this.options.scorecards()) {
      let after: string | undefined;
      for (;;) {
        const refs = await store.listOutdatedEntityRefs({
          scorecardId: scorecard.id,
          definitionHash: definitionHash(scorecard),
          after,
          limit: RESCORE_PAGE_SIZE,
        });
        if (refs.length === 0) {
          break;
        }
        const { items } = await catalog.getEntitiesByRefs(
          { entityRefs: refs },
          { credentials: await auth.getOwnServiceCredentials() },
        );
        const { evaluations } = await this.evaluateEntities(
          items.filter((e): e is Entity => !!e),
          now,
        );
        total += evaluations;
        after = refs[refs.length - 1];
      }
    }
    return total;
  }
}

/**
 * Runs `work` with a signal that aborts after `timeoutMs`, and rejects at that
 * moment even if `work` ignores the signal.
 */
async function withinTimeLimit<T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  message: string,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(message);
      error.name = 'TimeoutError';
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function groupByEntity<T extends { entityRef: string }>(
  records: T[],
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const record of records) {
    const list = grouped.get(record.entityRef) ?? [];
    list.push(record);
    grouped.set(record.entityRef, list);
  }
  return grouped;
}

function entityColumns(facts: EntityFacts): EntityColumns {
  const { entity } = facts;
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const catalogFacts = facts.sources.catalog;
  const related =
    catalogFacts?.status === 'ok'
      ? (catalogFacts.data as {
          owner?: { ref: string } | null;
          system?: { ref: string; domain?: string } | null;
        })
      : undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    kind: entity.kind,
    type: str(spec.type),
    title: entity.metadata.title ?? entity.metadata.name,
    owner: related?.owner?.ref ?? str(spec.owner),
    system: related?.system?.ref ?? str(spec.system),
    domain: related?.system?.domain ?? null,
    lifecycle: str(spec.lifecycle),
    tier: entity.metadata.annotations?.[READINESS_TIER_ANNOTATION] ?? null,
  };
}
