import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ReadinessStore } from './ReadinessStore';

const migrationsDir = resolvePackagePath(
  '@readiness/backstage-plugin-readiness-backend',
  'migrations',
);

/** The knex implementation of {@link ReadinessStore}. */
export class DatabaseReadinessStore implements ReadinessStore {
  /** Connects and, unless the adopter skips it, migrates to the latest schema. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReadinessStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseReadinessStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async ping(): Promise<void> {
    await this.db.raw('select 1');
  }
}
