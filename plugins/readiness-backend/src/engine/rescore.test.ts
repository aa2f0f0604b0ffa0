import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';
import { FactProvider } from '@readiness/backstage-plugin-readiness-node';
import { readRefreshOptions } from '../config';
import { EvaluationWrite } from '../database/ReadinessStore';
import { testEntity, testScorecard } from '../__testUtils__/fixtures';
import { createStoreTestDatabases } from '../__testUtils__/storeFixtures';
import { RefreshEngine } from './RefreshEngine';

jest.setTimeout(60_000);

const entities: Entity[] = ['checkout', 'billing', 'search'].map(name => ({
  ...testEntity,
  metadata: { ...testEntity.metadata, name },
}));
const refs = entities.map(e => stringifyEntityRef(e));

/** The minimum-replicas check moved from bronze to silver. */
const relaxed: Scorecard = {
  ...testScorecard,
  checks: testScorecard.checks.map(c =>
    c.id === 'k8s-min-replicas' ? { ...c, level: 'silver' } : c,
  ),
};

describe('re-scoring after a scorecard definition changed', () => {
  const { databases, setup } = createStoreTestDatabases();

  it.each(databases.eachSupportedId())(
    'evaluates the stored facts again with the new definition, without collecting, once, %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      let collections = 0;
      const cluster: FactProvider = {
        id: 'test-cluster',
        collect: async ({ entities: batch }) => {
          collections += batch.length;
          return new Map(
            batch.map(e => [
              stringifyEntityRef(e),
              {
                status: 'ok' as const,
                data: {
                  workloads: [
                    { kind: 'Deployment', namespace: 'shop', name: 'x' },
                  ],
                },
              },
            ]),
          );
        },
      };
      let scorecard = testScorecard;
      const engine = new RefreshEngine({
        store,
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        providers: () => [cluster],
        scorecards: () => [scorecard],
        refresh: readRefreshOptions(new ConfigReader({})),
        workerId: 'test',
      });
      const now = new Date();
      await store.syncQueue(refs, new Date(now.getTime() - 1000));
      await engine.refreshDue();
      expect(collections).toBe(3);
      // No replicas field: the bronze replicas check fails, so no level.
      const before = new Map<string, EvaluationWrite[]>();
      for (const ref of refs) {
        before.set(ref, await store.getEntityEvaluations(ref));
        expect(before.get(ref)![0].score.level).toBeNull();
      }
      await expect(engine.rescoreOutdated()).resolves.toBe(0);

      scorecard = relaxed;
      await expect(engine.rescoreOutdated()).resolves.toBe(3);
      expect(collections).toBe(3);
      for (const ref of refs) {
        const [old] = before.get(ref)!;
        const [after] = await store.getEntityEvaluations(ref);
        expect(after.score.level).toBe('bronze');
        expect(after.score.definitionHash).not.toEqual(
          old.score.definitionHash,
        );
        // The results themselves did not change: same rows, same times.
        expect(after.results).toEqual(old.results);
      }
      await expect(engine.rescoreOutdated()).resolves.toBe(0);
    },
  );
});
