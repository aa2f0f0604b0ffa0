import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

const directory = resolvePackagePath(
  '@readiness/backstage-plugin-readiness-backend',
  'migrations',
);
const migration = '20261123150000_record_imports.js';

jest.setTimeout(60_000);

describe('the record imports migration', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'adds import_key to attestations and exemptions and removes it again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const hasKey = async () =>
        Promise.all(
          ['readiness_attestations', 'readiness_exemptions'].map(t =>
            knex.schema.hasColumn(t, 'import_key'),
          ),
        );

      await knex.migrate.latest({ directory });
      await expect(hasKey()).resolves.toEqual([true, true]);

      const [, undone] = await knex.migrate.down({
        directory,
        name: migration,
      });
      expect(undone).toEqual([migration]);
      await expect(hasKey()).resolves.toEqual([false, false]);

      await knex.migrate.up({ directory, name: migration });
      await expect(hasKey()).resolves.toEqual([true, true]);
    },
  );
});
