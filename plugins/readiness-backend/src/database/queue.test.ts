import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { QueueRow, TABLES, toDate } from './mappers';
import { createStoreTestDatabases, ref } from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseReadinessStore', () => {
  const { databases, setup } = createStoreTestDatabases();

  describe('refresh queue', () => {
    const t0 = new Date('2026-03-01T10:00:00.000Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const ttl = 60_000;

    async function queueRows(knex: Knex) {
      const rows: QueueRow[] = await knex(TABLES.queue).orderBy('entity_ref');
      return Object.fromEntries(
        rows.map(row => [
          row.entity_ref.split('/')[1],
          {
            next: toDate(row.next_refresh_at).toISOString(),
            claimedBy: row.claimed_by,
            claimExpires:
              row.claim_expires_at === null
                ? null
                : toDate(row.claim_expires_at).toISOString(),
            lastRefreshed:
              row.last_refreshed_at === null
                ? null
                : toDate(row.last_refreshed_at).toISOString(),
            error: row.last_error,
            failures: Number(row.failure_count),
          },
        ]),
      );
    }

    it.each(databases.eachSupportedId())(
      'syncs, claims, completes and takes over expired claims, %p',
      async databaseId => {
        const { knex, store } = await setup(databaseId);
        const claim = (worker: string, limit: number, now: Date) =>
          store.claimBatch({ worker, limit, claimTtlMs: ttl, now });

        await expect(
          store.syncQueue([ref('c'), ref('a'), ref('b')], t0),
        ).resolves.toEqual([]);
        await store.requestRefresh(ref('c'), at(-1000));

        // Not yet due.
        await expect(claim('w1', 10, at(-2000))).resolves.toEqual([]);
        // Oldest due first, up to the limit; claimed rows are not handed out twice.
        await expect(claim('w1', 2, t0)).resolves.toEqual([ref('c'), ref('a')]);
        await expect(claim('w2', 5, t0)).resolves.toEqual([ref('b')]);
        await expect(claim('w3', 5, at(30_000))).resolves.toEqual([]);

        // b and c stay with their claims; a leaves; d is new and due now.
        await expect(
          store.syncQueue([ref('b'), ref('c'), ref('d')], at(1000)),
        ).resolves.toEqual([ref('a')]);

        await store.completeClaims({
          worker: 'w1',
          outcomes: [
            { entityRef: ref('c'), nextRefreshAt: at(3_600_000) },
            { entityRef: ref('a'), nextRefreshAt: at(3_600_000) },
            // b is claimed by w2: ignored.
            { entityRef: ref('b'), nextRefreshAt: at(3_600_000) },
          ],
          now: at(2000),
        });
        expect(await queueRows(knex)).toEqual({
          b: {
            next: t0.toISOString(),
            claimedBy: 'w2',
            claimExpires: at(ttl).toISOString(),
            lastRefreshed: null,
            error: null,
            failures: 0,
          },
          c: {
            next: at(3_600_000).toISOString(),
            claimedBy: null,
            claimExpires: null,
            lastRefreshed: at(2000).toISOString(),
            error: null,
            failures: 0,
          },
          d: {
            next: at(1000).toISOString(),
            claimedBy: null,
            claimExpires: null,
            lastRefreshed: null,
            error: null,
            failures: 0,
          },
        });

        // w2 never completed b: once its claim expires, w3 takes it over.
        await expect(claim('w3', 10, at(ttl - 1))).resolves.toEqual([ref('d')]);
        await expect(claim('w3', 10, at(ttl + 1))).resolves.toEqual([ref('b')]);
        await store.completeClaims({
          worker: 'w2',
          outcomes: [{ entityRef: ref('b'), nextRefreshAt: at(1) }],
          now: at(ttl + 2),
        });
        await store.completeClaims({
          worker: 'w3',
          outcomes: [
            { entityRef: ref('b'), nextRefreshAt: at(ttl + 10), error: 'boom' },
            { entityRef: ref('d'), nextRefreshAt: at(ttl + 10), error: 'boom' },
          ],
          now: at(ttl + 3),
        });
        await expect(claim('w3', 10, at(ttl + 10))).resolves.toEqual([
          ref('b'),
          ref('d'),
        ]);
        await store.completeClaims({
          worker: 'w3',
          outcomes: [
            {
              entityRef: ref('b'),
              nextRefreshAt: at(ttl + 20),
              error: 'again',
            },
            { entityRef: ref('d'), nextRefreshAt: at(ttl + 20) },
          ],
          now: at(ttl + 11),
        });
        const rows = await queueRows(knex);
        expect(rows.b).toMatchObject({
          claimedBy: null,
          error: 'again',
          failures: 2,
          next: at(ttl + 20).toISOString(),
        });
        expect(rows.d).toMatchObject({
          claimedBy: null,
          error: null,
          failures: 0,
        });
      },
    );

    it.each(databases.eachSupportedId())(
      'makes an entity due on request, adding it when missing, %p',
      async databaseId => {
        const { knex, store } = await setup(databaseId);
        await store.syncQueue([ref('a')], t0);
        const [claimed] = await store.claimBatch({
          worker: 'w1',
          limit: 1,
          claimTtlMs: ttl,
          now: t0,
        });
        await store.completeClaims({
          worker: 'w1',
          outcomes: [
            { entityRef: claimed, nextRefreshAt: at(86_400_000), error: 'x' },
          ],
          now: t0,
        });

        await store.requestRefresh(ref('a'), at(5000));
        await store.requestRefresh(ref('z'), at(5000));

        const rows = await queueRows(knex);
        expect(rows.a).toMatchObject({
          next: at(5000).toISOString(),
          failures: 1,
        });
        expect(rows.z).toMatchObject({
          next: at(5000).toISOString(),
          claimedBy: null,
          failures: 0,
        });
        await expect(
          store.claimBatch({
            worker: 'w2',
            limit: 5,
            claimTtlMs: ttl,
            now: at(5000),
          }),
        ).resolves.toEqual([ref('a'), ref('z')]);
      },
    );

    const describePostgres = databases.supports('POSTGRES_15')
      ? describe
      : describe.skip;
    describePostgres('on PostgreSQL', () => {
      it('never hands one entity to two concurrent claimers', async () => {
        const { knex } = await setup('POSTGRES_15');
        const replicas = await Promise.all(
          [1, 2, 3, 4, 5, 6].map(() =>
            DatabaseReadinessStore.create({
              database: mockServices.database({
                knex,
                migrations: { skip: true },
              }),
            }),
          ),
        );
        const refs = Array.from({ length: 120 }, (_, i) =>
          ref(`e${String(i).padStart(3, '0')}`),
        );
        await replicas[0].syncQueue(refs, t0);

        const claimedBy = new Map<string, string[]>();
        await Promise.all(
          replicas.map(async (replica, index) => {
            const worker = `w${index}`;
            for (;;) {
              const batch = await replica.claimBatch({
                worker,
                limit: 7,
                claimTtlMs: ttl,
                now: t0,
              });
              if (batch.length === 0) {
                return;
              }
              for (const entityRef of batch) {
                claimedBy.set(entityRef, [
                  ...(claimedBy.get(entityRef) ?? []),
                  worker,
                ]);
              }
            }
          }),
        );

        expect([...claimedBy.keys()].sort()).toEqual(refs);
        for (const [entityRef, workers] of claimedBy) {
          expect({ entityRef, workers }).toEqual({
            entityRef,
            workers: [expect.any(String)],
          });
        }
        const rows: QueueRow[] = await knex(TABLES.queue);
        for (const row of rows) {
          expect(row.claimed_by).toBe(claimedBy.get(row.entity_ref)?.[0]);
        }
        expect(new Set(rows.map(row => row.claimed_by)).size).toBeGreaterThan(
          1,
        );
      });
    });
  });
});
