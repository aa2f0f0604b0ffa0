import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

const migrationsDir = resolvePackagePath(
  '@readiness/backstage-plugin-readiness-backend',
  'migrations',
);

const tables = [
  'readiness_facts',
  'readiness_results',
  'readiness_entity_scores',
  'readiness_history',
  'readiness_attestations',
  'readiness_exemptions',
  'readiness_refresh_queue',
];

async function migrateUpOne(knex: Knex) {
  await knex.migrate.up({ directory: migrationsDir });
}

async function migrateDownOne(knex: Knex) {
  await knex.migrate.down({ directory: migrationsDir });
}

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'creates every table on the way up and drops them all on the way down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await migrateUpOne(knex);
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }
      await knex('readiness_refresh_queue').insert({
        entity_ref: 'component:default/payments-api',
        next_refresh_at: new Date(),
      });
      await expect(
        knex('readiness_refresh_queue').select('failure_count'),
      ).resolves.toEqual([{ failure_count: 0 }]);

      await migrateDownOne(knex);
      for (const table of tables) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await knex.destroy();
    },
  );
});
