import { CheckStatus } from '@readiness/backstage-plugin-readiness-common';
import {
  createStoreTestDatabases,
  evaluatedAt,
  ref,
  result,
  score,
  scorecardId,
} from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

const later = new Date('2026-03-02T10:00:00.000Z');

function evaluation(
  name: string,
  at: Date,
  statuses: Record<string, CheckStatus>,
) {
  return {
    score: score(name, { evaluatedAt: at, inputHash: at.toISOString() }),
    results: Object.entries(statuses).map(([checkId, status]) =>
      result(checkId, status, { changedAt: at }),
    ),
  };
}

describe('writing evaluations', () => {
  const { databases, setup } = createStoreTestDatabases();

  it.each(databases.eachSupportedId())(
    'rewrites only the results that changed: unchanged ones keep the time they took their status, dropped checks are removed, %p',
    async databaseId => {
      const { store, knex } = await setup(databaseId);
      await store.writeEvaluations([
        evaluation('a', evaluatedAt, { c1: 'pass', c2: 'fail', c3: 'fail' }),
        evaluation('b', evaluatedAt, { c1: 'fail', c2: 'fail', c3: 'pass' }),
      ]);
      await store.writeEvaluations([
        evaluation('a', later, { c1: 'pass', c2: 'pass' }),
        evaluation('b', later, { c1: 'fail', c2: 'fail', c3: 'pass' }),
      ]);

      const [a] = await store.getEntityEvaluations(ref('a'));
      expect(a.score.evaluatedAt).toEqual(later);
      expect(a.results.map(r => [r.checkId, r.status, r.changedAt])).toEqual([
        ['c1', 'pass', evaluatedAt],
        ['c2', 'pass', later],
      ]);
      const [b] = await store.getEntityEvaluations(ref('b'));
      expect(b.score.evaluatedAt).toEqual(later);
      expect(b.results.every(r => r.changedAt.getTime() === +evaluatedAt)).toBe(
        true,
      );

      const counts = await knex('readiness_check_counts')
        .where({ scorecard_id: scorecardId })
        .where('entities', '>', 0)
        .orderBy(['check_id', 'status'])
        .select('check_id', 'status', 'entities');
      expect(
        counts.map(c => [c.check_id, c.status, Number(c.entities)]),
      ).toEqual([
        ['c1', 'fail', 1],
        ['c1', 'pass', 1],
        ['c2', 'fail', 1],
        ['c2', 'pass', 1],
        ['c3', 'pass', 1],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'records the day of every evaluation in the history even when no result changed, %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      await store.writeEvaluations([
        evaluation('a', evaluatedAt, { c1: 'pass' }),
      ]);
      await store.writeEvaluations([evaluation('a', later, { c1: 'pass' })]);
      const history = await store.getHistory({
        entityRef: ref('a'),
        scorecardId,
        from: '2026-03-01',
        to: '2026-03-02',
      });
      expect(history.map(h => h.day)).toEqual(['2026-03-01', '2026-03-02']);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the entities scored with another definition of the scorecard, in pages, %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      const withDefinition = (name: string, definitionHash?: string) => ({
        score: score(name, { definitionHash }),
        results: [result('c1', 'pass')],
      });
      await store.writeEvaluations([
        withDefinition('a', 'old'),
        withDefinition('b', 'new'),
        withDefinition('c'),
        withDefinition('d', 'old'),
      ]);
      const outdated = (after?: string) =>
        store.listOutdatedEntityRefs({
          scorecardId,
          definitionHash: 'new',
          after,
          limit: 2,
        });
      await expect(outdated()).resolves.toEqual([ref('a'), ref('c')]);
      await expect(outdated(ref('c'))).resolves.toEqual([ref('d')]);
      await expect(
        store.listOutdatedEntityRefs({
          scorecardId: 'other',
          definitionHash: 'new',
          limit: 10,
        }),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes more entities than one chunk holds, each whole, and their counts, %p',
    async databaseId => {
      const { store, knex } = await setup(databaseId);
      const names = Array.from({ length: 1100 }, (_, i) => `e${i}`);
      await store.writeEvaluations(
        names.map(name => evaluation(name, evaluatedAt, { c1: 'fail' })),
      );
      await store.deleteEntities([...names.map(ref), ref('never-scored')]);
      const [{ n }] = await knex('readiness_entity_scores').count({ n: '*' });
      expect(Number(n)).toBe(0);
      const counted = await knex('readiness_check_counts').where(
        'entities',
        '>',
        0,
      );
      expect(counted).toEqual([]);
    },
  );
});
