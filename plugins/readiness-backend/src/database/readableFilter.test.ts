import {
  createStoreTestDatabases,
  ref,
  result,
  score,
  levels,
  scorecardId,
} from '../__testUtils__/storeFixtures';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';

jest.setTimeout(60_000);

/** Entity refs as the catalog allows them, including characters that need escaping in a PostgreSQL array literal. */
const names = [
  'plain',
  'with.dot',
  'with_underscore',
  'Mixed-Case',
  'q"uote',
  'com,ma',
  'br{ace}',
];

describe('the readable-entities restriction of the reports', () => {
  const { databases, setup } = createStoreTestDatabases();

  async function seed(store: DatabaseReadinessStore) {
    for (const name of names) {
      await store.writeEvaluation({
        score: score(name),
        results: [result('k1', 'fail')],
      });
    }
  }

  it.each(databases.eachSupportedId())(
    'limits overview, entity list, failing checks, drill-down, trend and export to the given refs, %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      await seed(store);
      const readable = [
        ref('q"uote'),
        ref('com,ma'),
        ref('br{ace}'),
        ref('Mixed-Case'),
      ];
      const filters = { entityRefs: readable };
      const page = { limit: 50, offset: 0, order: 'asc' as const };

      const overview = await store.getOverview({
        scorecardId,
        levels,
        groupBy: 'owner',
        filters,
        page: { ...page, sort: 'key' },
      });
      expect(overview.items.map(g => g.entities)).toEqual([4]);

      const list = await store.listEntityScores({
        scorecardId,
        filters,
        page: { ...page, sort: 'entityRef' },
      });
      expect(list.items.map(s => s.entityRef).sort()).toEqual(
        [...readable].sort(),
      );

      await expect(
        store.getTopFailingChecks({ scorecardId, filters, limit: 10 }),
      ).resolves.toEqual([{ checkId: 'k1', failing: 4 }]);

      const drill = await store.getCheckResults({
        scorecardId,
        checkId: 'k1',
        filters,
        page: { ...page, sort: 'entityRef' },
      });
      expect(drill.total).toBe(4);

      const trend = await store.getTrend({
        scorecardId,
        filters,
        from: '2026-03-01',
        to: '2026-03-01',
      });
      expect(trend).toEqual([
        expect.objectContaining({
          day: '2026-03-01',
          levels: { bronze: 4, none: 0 },
        }),
      ]);

      const exported: string[] = [];
      for await (const row of store.listResultsForExport({
        scorecardId,
        filters,
      })) {
        exported.push(row.score.entityRef);
      }
      expect(exported.sort()).toEqual([...readable].sort());
    },
  );

  it.each(databases.eachSupportedId())(
    'shows nothing for an empty list and everything without one, %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      await seed(store);
      const page = {
        limit: 50,
        offset: 0,
        order: 'asc' as const,
        sort: 'entityRef' as const,
      };
      await expect(
        store.listEntityScores({
          scorecardId,
          filters: { entityRefs: [] },
          page,
        }),
      ).resolves.toEqual({ items: [], total: 0 });
      const all = await store.listEntityScores({
        scorecardId,
        filters: {},
        page,
      });
      expect(all.total).toBe(names.length);
      expect((await store.listScoredEntityRefs()).sort()).toEqual(
        names.map(ref).sort(),
      );
    },
  );
});
