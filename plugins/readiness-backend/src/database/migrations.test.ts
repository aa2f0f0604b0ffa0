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

  it.each(databases.eachSupportedId())(
    'adds the revocation of attestations and removes it again, keeping the records, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({
        directory: migrationsDir,
        name: '20261123000000_init.js',
      });
      const attestation = {
        id: '2f0b6a4e-8f3c-4c61-9d41-1c5d2e7a9b10',
        entity_ref: 'component:default/payments-api',
        check_id: 'oncall-runbook-content',
        attested_by: 'user:default/alice',
        attested_at: new Date('2026-03-01T12:00:00Z'),
        expires_at: new Date('2026-08-01T12:00:00Z'),
        evidence_url: 'https://wiki.example.com/runbook',
      };
      await knex('readiness_attestations').insert(attestation);

      await knex.migrate.up({
        directory: migrationsDir,
        name: '20261123140000_attestation_revocation.js',
      });
      await expect(
        knex('readiness_attestations').columnInfo(),
      ).resolves.toMatchObject({
        revoked_at: expect.anything(),
        revoked_by: expect.anything(),
      });
      await expect(
        knex('readiness_attestations').select('id', 'revoked_at', 'revoked_by'),
      ).resolves.toEqual([
        { id: attestation.id, revoked_at: null, revoked_by: null },
      ]);

      await knex.migrate.down({
        directory: migrationsDir,
        name: '20261123140000_attestation_revocation.js',
      });
      const columns = Object.keys(
        await knex('readiness_attestations').columnInfo(),
      );
      expect(columns).not.toContain('revoked_at');
      expect(columns).not.toContain('revoked_by');
      await expect(
        knex('readiness_attestations').select('id'),
      ).resolves.toEqual([{ id: attestation.id }]);
      await knex.destroy();
    },
  );
});
