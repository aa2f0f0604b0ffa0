import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

describe('DatabaseReadinessStore', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'migrates on create and answers ping, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });

      await expect(store.ping()).resolves.toBeUndefined();
      await expect(knex.schema.hasTable('readiness_results')).resolves.toBe(
        true,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the schema alone when migrations are skipped, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await DatabaseReadinessStore.create({
        database: mockServices.database({ knex, migrations: { skip: true } }),
      });

      await expect(knex.schema.hasTable('readiness_results')).resolves.toBe(
        false,
      );
    },
  );
});
