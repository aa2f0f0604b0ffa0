import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { resultsHash } from '../database/evaluations';
import { ResultRow } from '../database/mappers';
import { testEntity, testScorecard } from '../__testUtils__/fixtures';
import { TcpFaultProxy } from '../__testUtils__/tcpFaultProxy';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
import { RefreshEngine } from './RefreshEngine';

/*
 * The real PostgreSQL goes away in the middle of a refresh, two ways, without
 * stopping the shared server: a TCP proxy in front of it drops every
 * connection and refuses new ones for a while (as a restart does), or
 * pg_terminate_backend ends the engine's sessions. Meanwhile a reader on a
 * direct connection checks that no partial result set is ever visible.
 */

jest.setTimeout(60_000);

const postgres = testDatabaseIds().includes('POSTGRES_15');
const ENTITIES = 30;
const CLAIM_MS = 1500;
const RETRY_MS = 3000;
const APPLICATION = 'readiness-engine-under-test';
const CHECKS = testScorecard.checks.length;

const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) => ({
  ...testEntity,
  metadata: { ...testEntity.metadata, name: `svc-${i}` },
}));
const refs = entities.map(e => stringifyEntityRef(e));

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Every way a reader could see a partial write, in one snapshot: results
 * without a score, a score whose results are missing, or results from
 * another evaluation than the score's.
 */
async function partialResultSets(db: Knex): Promise<string[]> {
  return db.transaction(
    async trx => {
      const scores = await trx('readiness_entity_scores').select(
        'entity_ref',
        'results_hash',
      );
      const results: ResultRow[] = await trx('readiness_results');
      const problems: string[] = [];
      const byEntity = new Map<string, ResultRow[]>();
      for (const r of results) {
        const list = byEntity.get(r.entity_ref) ?? [];
        list.push(r);
        byEntity.set(r.entity_ref, list);
      }
      for (const { entity_ref: ref, results_hash: hash } of scores) {
        const rows = byEntity.get(ref) ?? [];
        if (rows.length !== CHECKS || resultsHash(rows) !== hash) {
          problems.push(`${ref}: ${rows.length} results for the score row`);
        }
      }
      const scored = new Set(scores.map(s => s.entity_ref));
      for (const ref of byEntity.keys()) {
        if (!scored.has(ref)) problems.push(`${ref}: results without score`);
      }
      return problems;
    },
    { isolationLevel: 'repeatable read' },
  );
}

(postgres ? describe : describe.skip)(
  'refresh engine on PostgreSQL that goes away mid-refresh',
  () => {
    const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
    let direct: Knex;
    let engineDb: Knex;
    let proxy: TcpFaultProxy;
    let replicas: number;
    let onCollect: () => Promise<void>;
    let watching: boolean;
    let seen: string[];
    let watcher: Promise<void>;

    beforeEach(async () => {
      direct = await databases.init('POSTGRES_15');
      await DatabaseReadinessStore.create({
        database: mockServices.database({ knex: direct }),
      });
      const connection = (direct.client as any).config.connection;
      proxy = await TcpFaultProxy.start({
        host: connection.host,
        port: Number(connection.port ?? 5432),
      });
      engineDb = knexFactory({
        client: 'pg',
        connection: {
          ...connection,
          host: '127.0.0.1',
          port: proxy.port,
          application_name: APPLICATION,
        },
        pool: { min: 0, max: 4 },
        // The faults below make knex log every refused connection.
        log: { warn() {}, error() {}, debug() {}, deprecate() {} },
        acquireConnectionTimeout: 5000,
      });
      replicas = 1;
      onCollect = async () => {};
      seen = [];
      watching = true;
      watcher = (async () => {
        while (watching) {
          seen.push(...(await partialResultSets(direct)));
          await sleep(10);
        }
      })();
    });

    afterEach(async () => {
      watching = false;
      await watcher;
      await engineDb.destroy();
      await proxy.close();
    });

    async function engine() {
      const store = await DatabaseReadinessStore.create({
        database: {
          getClient: async () => engineDb,
          migrations: { skip: true },
        },
      });
      await store.syncQueue(refs, new Date(Date.now() - 1000));
      const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
      return new RefreshEngine({
        store,
        logger: mockServices.logger.mock(),
        catalog: {
          getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) =>
            ({ items: entityRefs.map(r => byRef.get(r)) } as any),
        } as any,
        auth: mockServices.auth(),
        providers: () => [
          {
            id: 'test-cluster',
            collect: async ({ entities: batch }) => {
              await onCollect();
              return new Map(
                batch.map(e => [
                  stringifyEntityRef(e),
                  {
                    status: 'ok' as const,
                    data: {
                      workloads: [
                        {
                          kind: 'Deployment',
                          namespace: 'shop',
                          name: e.metadata.name,
                          replicas,
                        },
                      ],
                    },
                  },
                ]),
              );
            },
          },
        ],
        scorecards: () => [testScorecard],
        refresh: {
          schedule: { frequency: { seconds: 1 }, timeout: { minutes: 1 } },
          intervalMs: 60 * 60 * 1000,
          retryDelayMs: RETRY_MS,
          batchSize: 10,
          claimTimeoutMs: CLAIM_MS,
          providerTimeoutMs: 10_000,
          maxFactAgeMs: {},
          defaultMaxFactAgeMs: 24 * 60 * 60 * 1000,
        },
        workerId: 'under-test',
      });
    }

    /** Replica counts stored per entity, from the score rows' levels. */
    async function levels(): Promise<Record<string, number>> {
      const rows = await direct('readiness_entity_scores')
        .select('level')
        .count('* as n')
        .groupBy('level');
      return Object.fromEntries(
        rows.map(r => [String(r.level ?? 'none'), Number(r.n)]),
      );
    }

    async function completeResultSets() {
      const rows = await direct('readiness_results')
        .select('entity_ref')
        .count('* as n')
        .groupBy('entity_ref');
      return rows.filter(r => Number(r.n) === CHECKS).length;
    }

    /** Makes every entity due again. */
    async function allDue() {
      await direct('readiness_refresh_queue').update({
        next_refresh_at: new Date(Date.now() - 1000),
      });
    }

    /**
     * Runs `fault` while the engine is inside the transaction that writes an
     * entity's evaluation: a lock held on the score table makes that
     * transaction wait after it replaced the entity's results.
     */
    async function faultMidTransaction(fault: () => Promise<void>) {
      const lock = await direct.transaction();
      await lock.raw('lock table readiness_entity_scores in exclusive mode');
      for (let i = 0; ; i++) {
        const waiting = await direct('pg_stat_activity')
          .where({ application_name: APPLICATION, wait_event_type: 'Lock' })
          .select('query');
        if (waiting.some(w => /readiness_entity_scores/.test(w.query))) {
          break;
        }
        if (i > 500) throw new Error('the engine never reached the write');
        await sleep(10);
      }
      const deleted = await direct('readiness_results').count('* as n');
      await fault();
      await lock.rollback();
      return Number(deleted[0].n);
    }

    it('the proxy drops every connection mid-write and refuses new ones: the run fails, no partial result set shows, a later run completes', async () => {
      const run = await engine();
      expect(await run.refreshDue()).toBe(ENTITIES);
      expect(await levels()).toEqual({ none: ENTITIES });

      replicas = 3;
      await allDue();
      const running = run.refreshDue();
      const rowsWhileWaiting = await faultMidTransaction(() => proxy.cut());
      // The waiting transaction had deleted rows no other session ever saw go.
      expect(rowsWhileWaiting).toBe(ENTITIES * CHECKS);
      await expect(running).rejects.toThrow();
      expect(await partialResultSets(direct)).toEqual([]);
      expect(await levels()).toEqual({ none: ENTITIES });
      // While PostgreSQL is unreachable, runs fail fast instead of hanging.
      await expect(run.refreshDue()).rejects.toThrow(/ECONNREFUSED/);

      await sleep(1000);
      await proxy.restore();
      // The batch cut in half is still claimed; the rest is done now ...
      await run.refreshDue();
      // ... and the cut batch once its claim expires.
      await sleep(CLAIM_MS);
      await run.refreshDue();

      expect(await levels()).toEqual({ bronze: ENTITIES });
      expect(await completeResultSets()).toBe(ENTITIES);
      expect(
        await direct('readiness_refresh_queue').whereNotNull('claimed_by'),
      ).toEqual([]);
      expect(seen).toEqual([]);
    });

    it('pg_terminate_backend ends the engine sessions mid-write: the batch is retried after retryDelay and completes', async () => {
      const run = await engine();
      expect(await run.refreshDue()).toBe(ENTITIES);

      replicas = 3;
      await allDue();
      let terminated = 0;
      const running = run.refreshDue();
      await faultMidTransaction(async () => {
        const rows = await direct
          .select(direct.raw('pg_terminate_backend(pid) as ok'))
          .from('pg_stat_activity')
          .where({ application_name: APPLICATION });
        terminated = rows.filter(r => r.ok).length;
      });
      // The failed batch is released with an error and due after retryDelay.
      expect(await running).toBe(ENTITIES);
      expect(terminated).toBeGreaterThan(0);
      const failed = await direct('readiness_refresh_queue').whereNotNull(
        'last_error',
      );
      expect(failed).toHaveLength(10);
      expect(failed[0].last_error).toMatch(/terminat/);
      expect(await partialResultSets(direct)).toEqual([]);

      await sleep(RETRY_MS + 100);
      expect(await run.refreshDue()).toBe(10);
      expect(await levels()).toEqual({ bronze: ENTITIES });
      expect(await completeResultSets()).toBe(ENTITIES);
      expect(
        await direct('readiness_refresh_queue').whereNotNull('last_error'),
      ).toEqual([]);
      expect(seen).toEqual([]);
    });

    it('a cut while the sources are being read fails that run only; the next run after the claims expire refreshes everything', async () => {
      const run = await engine();
      let cuts = 0;
      onCollect = async () => {
        if (cuts++ === 0) {
          await proxy.cut();
          setTimeout(() => proxy.restore(), 500);
        }
      };
      await expect(run.refreshDue()).rejects.toThrow();
      await sleep(CLAIM_MS + 100);
      expect(await run.refreshDue()).toBe(ENTITIES);
      expect(await levels()).toEqual({ none: ENTITIES });
      expect(await completeResultSets()).toBe(ENTITIES);
      expect(seen).toEqual([]);
    });
  },
);
