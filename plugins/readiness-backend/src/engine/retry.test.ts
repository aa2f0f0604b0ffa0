import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { testEntity, testScorecard } from '../__testUtils__/fixtures';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
import { RefreshEngine } from './RefreshEngine';

const HOUR = 60 * 60 * 1000;
const RETRY_MS = 400;

const entities: Entity[] = ['checkout', 'billing', 'search'].map(name => ({
  ...testEntity,
  metadata: { ...testEntity.metadata, name },
}));
const refs = entities.map(e => stringifyEntityRef(e));

describe.each(testDatabaseIds())(
  'refresh engine retrying a failed batch on %s',
  databaseId => {
    const databases = TestDatabases.create({ ids: [databaseId] });
    let knex: Knex;
    let catalogDown: boolean;

    async function engine() {
      knex = await databases.init(databaseId);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
      await store.syncQueue(refs, new Date(Date.now() - 1000));
      return new RefreshEngine({
        store,
        logger: mockServices.logger.mock(),
        catalog: {
          getEntitiesByRefs: async ({
            entityRefs,
          }: {
            entityRefs: string[];
          }) => {
            if (catalogDown) {
              throw new Error('Request failed with 503 Service Unavailable');
            }
            return {
              items: entityRefs.map(r =>
                entities.find(e => stringifyEntityRef(e) === r),
              ),
            };
          },
        } as any,
        auth: mockServices.auth(),
        providers: () => [
          {
            id: 'test-cluster',
            collect: async ({ entities: batch }) =>
              new Map(
                batch.map(e => [
                  stringifyEntityRef(e),
                  { status: 'ok' as const, data: { workloads: [] } },
                ]),
              ),
          },
        ],
        scorecards: () => [testScorecard],
        refresh: {
          schedule: { frequency: { minutes: 1 }, timeout: { minutes: 1 } },
          intervalMs: HOUR,
          retryDelayMs: RETRY_MS,
          batchSize: 10,
          claimTimeoutMs: 10 * 60 * 1000,
          providerTimeoutMs: 10_000,
          maxFactAgeMs: {},
          defaultMaxFactAgeMs: 24 * HOUR,
        },
        workerId: 'under-test',
      });
    }

    it('records the error, makes the batch due after retryDelay instead of the interval, and clears the error on success', async () => {
      catalogDown = true;
      const run = await engine();
      const started = Date.now();
      expect(await run.refreshDue()).toBe(3);

      const failed = await knex('readiness_refresh_queue').orderBy(
        'entity_ref',
      );
      expect(failed).toHaveLength(3);
      for (const row of failed) {
        expect(row).toMatchObject({
          claimed_by: null,
          failure_count: 1,
          last_error: 'Error: Request failed with 503 Service Unavailable',
        });
        const due = new Date(row.next_refresh_at).getTime() - started;
        expect(due).toBeGreaterThanOrEqual(RETRY_MS - 50);
        expect(due).toBeLessThan(HOUR / 2);
      }
      // Not due yet: nothing is claimed again at once.
      expect(await run.refreshDue()).toBe(0);

      catalogDown = false;
      await new Promise(resolve => setTimeout(resolve, RETRY_MS + 50));
      expect(await run.refreshDue()).toBe(3);
      const recovered = await knex('readiness_refresh_queue');
      expect(
        recovered.map(r => [r.failure_count, r.last_error, r.claimed_by]),
      ).toEqual([
        [0, null, null],
        [0, null, null],
        [0, null, null],
      ]);
      const scores = await knex('readiness_entity_scores').pluck('entity_ref');
      expect(scores.sort()).toEqual([...refs].sort());
    });
  },
);
