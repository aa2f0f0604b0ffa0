import { CheckStatus } from '@readiness/backstage-plugin-readiness-common';
import {
  createStoreTestDatabases,
  result,
  score,
  scorecardId,
} from '../__testUtils__/storeFixtures';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { TABLES } from './mappers';

jest.setTimeout(60_000);

const checks = ['c1', 'c2', 'c3'];

function evaluation(name: string, statuses: CheckStatus[]) {
  return {
    score: score(name),
    results: statuses.map((status, i) => result(checks[i], status)),
  };
}

/** Failing counts the org-wide way (kept counts) and by aggregating results (a filter every entity matches). */
async function bothWays(store: DatabaseReadinessStore) {
  const [kept, aggregated] = await Promise.all([
    store.getTopFailingChecks({ scorecardId, filters: {}, limit: 10 }),
    store.getTopFailingChecks({
      scorecardId,
      filters: { lifecycle: ['production'] },
      limit: 10,
    }),
  ]);
  return { kept, aggregated };
}

describe('org-wide failing-check counts', () => {
  const { databases, setup } = createStoreTestDatabases();

  it.each(databases.eachSupportedId())(
    'follow new results, re-evaluations and deleted entities, %p',
    async databaseId => {
      const { knex, store } = await setup(databaseId);
      await store.writeEvaluation(evaluation('a', ['fail', 'fail', 'pass']));
      await store.writeEvaluation(evaluation('b', ['fail', 'pass', 'pass']));
      await store.writeEvaluation(evaluation('c', ['pass', 'fail', 'unknown']));
      let counts = await bothWays(store);
      expect(counts.kept).toEqual([
        { checkId: 'c1', failing: 2 },
        { checkId: 'c2', failing: 2 },
      ]);
      expect(counts.kept).toEqual(counts.aggregated);

      // b now fails c3 and passes c1; a loses its c2 result altogether.
      await store.writeEvaluation(evaluation('b', ['pass', 'pass', 'fail']));
      await store.writeEvaluation(evaluation('a', ['fail']));
      counts = await bothWays(store);
      expect(counts.kept).toEqual([
        { checkId: 'c1', failing: 1 },
        { checkId: 'c2', failing: 1 },
        { checkId: 'c3', failing: 1 },
      ]);
      expect(counts.kept).toEqual(counts.aggregated);

      // A caller who can read every entity gets the kept counts; one who
      // can read some gets only theirs.
      const refs = ['a', 'b', 'c'].map(n => `component:default/${n}`);
      await expect(
        store.getTopFailingChecks({
          scorecardId,
          filters: { entityRefs: refs },
          limit: 10,
        }),
      ).resolves.toEqual(counts.kept);
      await expect(
        store.getTopFailingChecks({
          scorecardId,
          filters: { entityRefs: refs.slice(1) },
          limit: 10,
        }),
      ).resolves.toEqual([
        { checkId: 'c2', failing: 1 },
        { checkId: 'c3', failing: 1 },
      ]);

      await store.deleteEntities([
        'component:default/a',
        'component:default/c',
      ]);
      counts = await bothWays(store);
      expect(counts.kept).toEqual([{ checkId: 'c3', failing: 1 }]);
      expect(counts.kept).toEqual(counts.aggregated);

      // Every status is counted, not only failures.
      const rows = await knex(TABLES.checkCounts)
        .where('entities', '>', 0)
        .orderBy(['check_id', 'status'])
        .select('check_id', 'status', 'entities');
      expect(rows.map(r => [r.check_id, r.status, Number(r.entities)])).toEqual(
        [
          ['c1', 'pass', 1],
          ['c2', 'pass', 1],
          ['c3', 'fail', 1],
        ],
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'stay exact when many entities are evaluated at once, %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      const statuses: CheckStatus[][] = [
        ['fail', 'fail', 'fail'],
        ['pass', 'fail', 'unknown'],
        ['fail', 'pass', 'pass'],
      ];
      const writeAll = (round: number) =>
        Promise.all(
          Array.from({ length: 24 }, (_, i) =>
            store.writeEvaluation(
              evaluation(`e${i}`, statuses[(i + round) % statuses.length]),
            ),
          ),
        );
      await writeAll(0);
      await writeAll(1);
      const counts = await bothWays(store);
      expect(counts.kept).toEqual([
        { checkId: 'c1', failing: 16 },
        { checkId: 'c2', failing: 16 },
        { checkId: 'c3', failing: 8 },
      ]);
      expect(counts.kept).toEqual(counts.aggregated);
    },
  );
});
