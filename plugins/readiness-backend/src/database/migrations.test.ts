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
      const columns = async (table: string) =>
        Object.keys(await knex(table).columnInfo()).sort();
      await expect(columns('readiness_attestations')).resolves.toEqual([
        'attested_at',
        'attested_by',
        'check_id',
        'entity_ref',
        'evidence_url',
        'expires_at',
        'id',
        'not_applicable_reason',
        'note',
      ]);
      await expect(columns('readiness_exemptions')).resolves.toEqual([
        'check_id',
        'entity_ref',
        'expires_at',
        'granted_at',
        'granted_by',
        'id',
        'reason',
        'revoked_at',
        'revoked_by',
      ]);
      await expect(columns('readiness_results')).resolves.toEqual(
        expect.arrayContaining(['source', 'computed_status']),
      );
      // A scorecard whose checks are all not applicable has no score.
      await knex('readiness_history').insert({
        entity_ref: 'component:default/payments-api',
        scorecard_id: 'production-readiness',
        day: '2026-03-01',
        level: null,
        level_rank: 0,
        score: null,
      });
      await expect(knex('readiness_history').select('score')).resolves.toEqual([
        { score: null },
      ]);

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
