import { CheckStatus } from '@readiness/backstage-plugin-readiness-common';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { EntityScore, StoredResult } from './ReadinessStore';
import {
  createStoreTestDatabases,
  evaluatedAt,
  ref,
  result,
  score,
  levels,
  scorecardId,
  teamA,
  teamB,
} from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseReadinessStore', () => {
  const { databases, setup } = createStoreTestDatabases();

  describe('overview, drill-down and trend', () => {
    const teamD = 'group:default/team-d';

    /** Seven entities over four owners (one without), two levels and none. */
    async function seedPortfolio(store: DatabaseReadinessStore) {
      const entities: Array<[EntityScore, StoredResult[]]> = [
        [
          score('a1', {
            level: 'silver',
            levelRank: 2,
            score: 90,
            title: 'Payments API',
          }),
          [result('k1', 'fail'), result('k2', 'fail'), result('k3', 'pass')],
        ],
        [
          score('a2', { level: 'bronze', levelRank: 1, score: 60 }),
          [result('k1', 'fail'), result('k3', 'pass')],
        ],
        [
          score('a3', {
            level: null,
            levelRank: 0,
            score: 20,
            lifecycle: 'experimental',
          }),
          [result('k1', 'pass'), result('k3', 'pass')],
        ],
        [
          score('b1', {
            level: 'silver',
            levelRank: 2,
            score: 80,
            owner: teamB,
          }),
          [result('k1', 'fail'), result('k3', 'pass')],
        ],
        [
          score('b2', { level: null, levelRank: 0, score: null, owner: teamB }),
          [result('k1', 'not-applicable'), result('k3', 'not-applicable')],
        ],
        [
          score('c1', {
            level: 'bronze',
            levelRank: 1,
            score: 40,
            owner: null,
            kind: 'Resource',
            type: 'database',
          }),
          [result('k1', 'unknown'), result('k4', 'fail')],
        ],
        [
          score('d1', { level: null, levelRank: 0, score: null, owner: teamD }),
          [result('k1', 'exempt', { computedStatus: 'fail' })],
        ],
        // Another scorecard never leaks into these queries.
        [
          score('a1', { scorecardId: 'security', level: 'gold', score: 0 }),
          [result('k1', 'fail'), result('k9', 'fail')],
        ],
      ];
      for (const [entityScore, results] of entities) {
        await store.writeEvaluation({ score: entityScore, results });
      }
    }

    const page = <T extends string>(
      sort: T,
      order: 'asc' | 'desc' = 'asc',
      limit = 50,
      offset = 0,
    ) => ({ sort, order, limit, offset });

    it.each(databases.eachSupportedId())(
      'groups, counts levels, sorts and pages the overview, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        await seedPortfolio(store);
        const overview = (
          sort: 'key' | 'entities' | 'averageScore',
          order: 'asc' | 'desc' = 'asc',
          filters = {},
          limit = 50,
          offset = 0,
        ) =>
          store.getOverview({
            scorecardId,
            levels,
            groupBy: 'owner',
            filters,
            page: page(sort, order, limit, offset),
          });

        const byKey = await overview('key');
        expect(byKey.total).toBe(4);
        expect(byKey.items).toEqual([
          {
            key: teamA,
            entities: 3,
            levels: { bronze: 1, silver: 1, none: 1 },
            averageScore: expect.closeTo((90 + 60 + 20) / 3, 6),
          },
          {
            key: teamB,
            entities: 2,
            levels: { bronze: 0, silver: 1, none: 1 },
            averageScore: 80,
          },
          {
            key: teamD,
            entities: 1,
            levels: { bronze: 0, silver: 0, none: 1 },
            averageScore: null,
          },
          {
            key: null,
            entities: 1,
            levels: { bronze: 1, silver: 0, none: 0 },
            averageScore: 40,
          },
        ]);

        // A page past the last group still says how many groups there are.
        await expect(overview('key', 'asc', {}, 50, 10)).resolves.toEqual({
          total: 4,
          items: [],
        });
        // Only the levels reached in the filtered set are counted.
        await expect(
          overview('key', 'asc', { owner: [teamB] }),
        ).resolves.toEqual({
          total: 1,
          items: [
            {
              key: teamB,
              entities: 2,
              levels: { silver: 1, none: 1 },
              averageScore: 80,
            },
          ],
        });

        const keys = async (...args: Parameters<typeof overview>) =>
          (await overview(...args)).items.map(item => item.key);
        await expect(keys('key', 'desc')).resolves.toEqual([
          teamD,
          teamB,
          teamA,
          null,
        ]);
        await expect(keys('entities', 'desc')).resolves.toEqual([
          teamA,
          teamB,
          teamD,
          null,
        ]);
        await expect(keys('averageScore', 'asc')).resolves.toEqual([
          null,
          teamA,
          teamB,
          teamD,
        ]);
        await expect(keys('averageScore', 'desc')).resolves.toEqual([
          teamB,
          teamA,
          null,
          teamD,
        ]);
        await expect(overview('key', 'asc', {}, 2, 1)).resolves.toMatchObject({
          total: 4,
          items: [{ key: teamB }, { key: teamD }],
        });

        await expect(
          overview('key', 'asc', { lifecycle: ['production'] }),
        ).resolves.toMatchObject({
          total: 4,
          items: [
            {
              key: teamA,
              entities: 2,
              levels: { bronze: 1, silver: 1, none: 0 },
            },
            { key: teamB },
            { key: teamD },
            { key: null },
          ],
        });
        await expect(
          overview('key', 'asc', { level: ['none', 'bronze'] }),
        ).resolves.toEqual({
          total: 4,
          items: [
            expect.objectContaining({
              key: teamA,
              entities: 2,
              levels: { bronze: 1, none: 1 },
            }),
            expect.objectContaining({ key: teamB, entities: 1 }),
            expect.objectContaining({ key: teamD, entities: 1 }),
            expect.objectContaining({ key: null, entities: 1 }),
          ],
        });
        await expect(
          overview('key', 'asc', { search: 'PAYMENTS' }),
        ).resolves.toEqual({
          total: 1,
          items: [
            {
              key: teamA,
              entities: 1,
              levels: { silver: 1, none: 0 },
              averageScore: 90,
            },
          ],
        });

        const byKind = await store.getOverview({
          scorecardId,
          levels,
          groupBy: 'kind',
          filters: {},
          page: page('entities', 'desc'),
        });
        expect(byKind.items.map(item => [item.key, item.entities])).toEqual([
          ['Component', 6],
          ['Resource', 1],
        ]);
      },
    );

    it.each(databases.eachSupportedId())(
      'filters, sorts and pages the entity table, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        await seedPortfolio(store);
        const names = async (
          sort: Parameters<typeof page>[0],
          order: 'asc' | 'desc',
          filters = {},
          limit = 50,
          offset = 0,
        ) => {
          const listed = await store.listEntityScores({
            scorecardId,
            filters,
            page: page(
              sort as
                | 'entityRef'
                | 'title'
                | 'owner'
                | 'level'
                | 'score'
                | 'evaluatedAt',
              order,
              limit,
              offset,
            ),
          });
          return {
            total: listed.total,
            names: listed.items.map(item => item.entityRef.split('/')[1]),
          };
        };

        await expect(names('score', 'desc')).resolves.toEqual({
          total: 7,
          names: ['a1', 'b1', 'a2', 'c1', 'a3', 'b2', 'd1'],
        });
        await expect(names('score', 'asc')).resolves.toEqual({
          total: 7,
          names: ['a3', 'c1', 'a2', 'b1', 'a1', 'b2', 'd1'],
        });
        await expect(names('level', 'desc')).resolves.toEqual({
          total: 7,
          names: ['a1', 'b1', 'a2', 'c1', 'a3', 'b2', 'd1'],
        });
        await expect(names('owner', 'desc', {}, 3, 2)).resolves.toEqual({
          total: 7,
          names: ['b2', 'a1', 'a2'],
        });
        await expect(
          names('entityRef', 'asc', { owner: [teamA, teamB], level: ['none'] }),
        ).resolves.toEqual({ total: 2, names: ['a3', 'b2'] });
        await expect(
          names('entityRef', 'desc', {
            kind: ['Resource'],
            type: ['database'],
          }),
        ).resolves.toEqual({ total: 1, names: ['c1'] });
        await expect(
          names('entityRef', 'asc', { search: 'default/B' }),
        ).resolves.toEqual({ total: 2, names: ['b1', 'b2'] });
        // LIKE wildcards in the search are literal.
        await expect(
          names('entityRef', 'asc', { search: '_1' }),
        ).resolves.toEqual({ total: 0, names: [] });

        const [first] = (
          await store.listEntityScores({
            scorecardId,
            filters: { search: 'payments' },
            page: page('title'),
          })
        ).items;
        expect(first).toEqual(
          score('a1', {
            level: 'silver',
            levelRank: 2,
            score: 90,
            title: 'Payments API',
          }),
        );
      },
    );

    it.each(databases.eachSupportedId())(
      'ranks failing checks and drills down into one, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        await seedPortfolio(store);

        await expect(
          store.getTopFailingChecks({ scorecardId, filters: {}, limit: 10 }),
        ).resolves.toEqual([
          { checkId: 'k1', failing: 3 },
          { checkId: 'k2', failing: 1 },
          { checkId: 'k4', failing: 1 },
        ]);
        await expect(
          store.getTopFailingChecks({ scorecardId, filters: {}, limit: 2 }),
        ).resolves.toEqual([
          { checkId: 'k1', failing: 3 },
          { checkId: 'k2', failing: 1 },
        ]);
        await expect(
          store.getTopFailingChecks({
            scorecardId,
            filters: { owner: [teamB] },
            limit: 10,
          }),
        ).resolves.toEqual([{ checkId: 'k1', failing: 1 }]);

        const drill = (
          sort: 'entityRef' | 'status' | 'evaluatedAt',
          order: 'asc' | 'desc',
          options: {
            status?: CheckStatus[];
            limit?: number;
            offset?: number;
          } = {},
        ) =>
          store.getCheckResults({
            scorecardId,
            checkId: 'k1',
            status: options.status,
            filters: {},
            page: page(sort, order, options.limit, options.offset),
          });

        const failing = await drill('entityRef', 'asc', { status: ['fail'] });
        expect(failing.total).toBe(3);
        expect(failing.items).toEqual([
          {
            entityRef: ref('a1'),
            title: 'Payments API',
            owner: teamA,
            status: 'fail',
            evidence: [
              { object: 'deployment k1', status: 'fail', message: 'fail' },
            ],
            evaluatedAt,
            changedAt: evaluatedAt,
          },
          expect.objectContaining({ entityRef: ref('a2'), title: null }),
          expect.objectContaining({ entityRef: ref('b1'), owner: teamB }),
        ]);

        const statuses = async (...args: Parameters<typeof drill>) => {
          const { items, total } = await drill(...args);
          return {
            total,
            rows: items.map(i => `${i.entityRef.split('/')[1]}:${i.status}`),
          };
        };
        await expect(statuses('status', 'asc')).resolves.toEqual({
          total: 7,
          rows: [
            'a1:fail',
            'a2:fail',
            'b1:fail',
            'c1:unknown',
            'a3:pass',
            'd1:exempt',
            'b2:not-applicable',
          ],
        });
        await expect(
          statuses('status', 'desc', { limit: 2, offset: 1 }),
        ).resolves.toEqual({ total: 7, rows: ['d1:exempt', 'a3:pass'] });
        await expect(
          statuses('entityRef', 'desc', { status: ['unknown', 'exempt'] }),
        ).resolves.toEqual({ total: 2, rows: ['d1:exempt', 'c1:unknown'] });
      },
    );

    it.each(databases.eachSupportedId())(
      'carries history points forward into the daily trend, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        const write = (
          name: string,
          day: string,
          level: string | null,
          value: number,
          owner = teamA,
        ) =>
          store.writeEvaluation({
            score: score(name, {
              level,
              levelRank: level ? 1 : 0,
              score: value,
              owner,
              evaluatedAt: new Date(`${day}T12:00:00.000Z`),
            }),
            results: [],
          });
        await write('e1', '2026-03-01', 'bronze', 50);
        await write('e1', '2026-03-03', 'silver', 80);
        await write('e2', '2026-03-02', null, 20);
        await write('e3', '2026-03-01', 'silver', 90, teamB);

        const trend = await store.getTrend({
          scorecardId,
          filters: {},
          from: '2026-02-28',
          to: '2026-03-04',
        });
        expect(trend).toEqual([
          {
            day: '2026-03-01',
            levels: { bronze: 1, silver: 1, none: 0 },
            averageScore: 70,
          },
          {
            day: '2026-03-02',
            levels: { bronze: 1, silver: 1, none: 1 },
            averageScore: expect.closeTo(160 / 3, 6),
          },
          {
            day: '2026-03-03',
            levels: { bronze: 0, silver: 2, none: 1 },
            averageScore: expect.closeTo(190 / 3, 6),
          },
          {
            day: '2026-03-04',
            levels: { bronze: 0, silver: 2, none: 1 },
            averageScore: expect.closeTo(190 / 3, 6),
          },
        ]);

        await expect(
          store.getTrend({
            scorecardId,
            filters: { owner: [teamA] },
            from: '2026-03-02',
            to: '2026-03-03',
          }),
        ).resolves.toEqual([
          {
            day: '2026-03-02',
            levels: { bronze: 1, none: 1, silver: 0 },
            averageScore: 35,
          },
          {
            day: '2026-03-03',
            levels: { bronze: 0, none: 1, silver: 1 },
            averageScore: 50,
          },
        ]);
        await expect(
          store.getTrend({
            scorecardId,
            filters: {},
            from: '2026-02-01',
            to: '2026-02-28',
          }),
        ).resolves.toEqual([]);
        await expect(
          store.getTrend({
            scorecardId,
            filters: {},
            from: 'yesterday',
            to: '2026-02-28',
          }),
        ).rejects.toThrow(/YYYY-MM-DD/);
      },
    );
  });
});
