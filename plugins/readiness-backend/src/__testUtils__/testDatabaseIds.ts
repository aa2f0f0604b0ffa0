import { TestDatabaseId } from '@backstage/backend-test-utils';

const postgresUrlVariable =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * The databases store tests run on: SQLite always, PostgreSQL when a server is
 * named in the environment (scripts/test.sh names the local one). In CI a
 * missing PostgreSQL is an error, so that its tests are never silently skipped.
 */
export function testDatabaseIds(): TestDatabaseId[] {
  if (!process.env[postgresUrlVariable]) {
    if (process.env.CI) {
      throw new Error(
        `${postgresUrlVariable} must be set in CI so that store tests run on PostgreSQL`,
      );
    }
    return ['SQLITE_3'];
  }
  return ['SQLITE_3', 'POSTGRES_15'];
}
