import { PostgreSqlContainer } from '@testcontainers/postgresql';

describe('captures against PostgreSQL', () => {
  it('stores one capture per idempotency key', async () => {
    const db = await new PostgreSqlContainer('postgres:16.3').start();
    try {
      expect(db.getConnectionUri()).toContain('postgres');
    } finally {
      await db.stop();
    }
  }, 120_000);
});
