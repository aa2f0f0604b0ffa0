import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseReadinessStore } from '../../database/DatabaseReadinessStore';
import { testDatabaseIds } from '../../__testUtils__/testDatabaseIds';
import { replicaScorecard } from './replicaFixtures';

jest.setTimeout(120_000);

const postgres = testDatabaseIds().includes('POSTGRES_15');
const ENTITIES = 120;

/** Starts replicaMain.ts as its own Node process with Backstage's TypeScript loader. */
function startReplica(
  env: Record<string, string>,
): ChildProcess & { done: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      join(__dirname, 'replicaMain.ts'),
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', d => (stderr += d));
  const done = new Promise<number | null>(resolve =>
    child.on('exit', code => {
      if (code) {
        // eslint-disable-next-line no-console
        console.error(stderr);
      }
      resolve(code);
    }),
  );
  return Object.assign(child, { done });
}

function collections(log: string): Array<{ worker: string; ref: string }> {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(line => {
      const [worker, ref] = line.split(' ');
      return { worker, ref };
    });
}

(postgres ? describe : describe.skip)(
  'refresh engine replicas on one PostgreSQL',
  () => {
    const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
    let knex: Knex;
    let connection: string;
    let log: string;

    beforeEach(async () => {
      knex = await databases.init('POSTGRES_15');
      connection = JSON.stringify((knex.client as any).config.connection);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
      const refs = Array.from(
        { length: ENTITIES },
        (_, i) => `component:default/svc-${i}`,
      );
      await store.syncQueue(refs, new Date(Date.now() - 1000));
      log = join(
        mkdtempSync(join(tmpdir(), 'readiness-replicas-')),
        'collected.log',
      );
    });

    async function results() {
      return knex('readiness_results')
        .select('entity_ref')
        .count('* as n')
        .groupBy('entity_ref');
    }

    /**
     * Every entity has its complete result set, one score row and one history
     * row for the day; no claim is left and no refresh recorded an error.
     */
    async function expectCompleteAndUnique() {
      const rows = await results();
      expect(rows).toHaveLength(ENTITIES);
      const checks = replicaScorecard.checks.length;
      expect(rows.filter(r => Number(r.n) !== checks)).toEqual([]);

      const scores = await knex('readiness_entity_scores').count('* as n');
      expect(Number(scores[0].n)).toBe(ENTITIES);

      const history = await knex('readiness_history')
        .select('entity_ref', 'scorecard_id', 'day')
        .count('* as n')
        .groupBy('entity_ref', 'scorecard_id', 'day');
      expect(history).toHaveLength(ENTITIES);
      expect(history.filter(h => Number(h.n) !== 1)).toEqual([]);

      const queue = await knex('readiness_refresh_queue').where(q =>
        q.whereNotNull('claimed_by').orWhereNotNull('last_error'),
      );
      expect(queue).toEqual([]);
    }

    it('two processes share one refresh: every entity collected once, one result each', async () => {
      const a = startReplica({
        READINESS_REPLICA_DB: connection,
        READINESS_REPLICA_LOG: log,
        READINESS_REPLICA_WORKER: 'a',
      });
      const b = startReplica({
        READINESS_REPLICA_DB: connection,
        READINESS_REPLICA_LOG: log,
        READINESS_REPLICA_WORKER: 'b',
      });
      expect(await a.done).toBe(0);
      expect(await b.done).toBe(0);

      const collected = collections(log);
      expect(collected).toHaveLength(ENTITIES);
      expect(new Set(collected.map(c => c.ref)).size).toBe(ENTITIES);
      expect(collected.some(c => c.worker === 'a')).toBe(true);
      expect(collected.some(c => c.worker === 'b')).toBe(true);

      await expectCompleteAndUnique();
    });

    it('a replica killed with SIGKILL mid-batch has its batch taken over when the claim expires', async () => {
      const claimMs = '3000';
      const doomed = startReplica({
        READINESS_REPLICA_DB: connection,
        READINESS_REPLICA_LOG: log,
        READINESS_REPLICA_WORKER: 'doomed',
        READINESS_REPLICA_HANG: '1',
        READINESS_REPLICA_CLAIM_MS: claimMs,
      });
      // Wait until the doomed replica holds a claim, then kill it.
      for (let i = 0; i < 300 && !collections(log).length; i++) {
        await new Promise(r => setTimeout(r, 100));
      }
      const held = collections(log).map(c => c.ref);
      expect(held.length).toBeGreaterThan(0);
      doomed.kill('SIGKILL');
      await doomed.done;

      const survivor = startReplica({
        READINESS_REPLICA_DB: connection,
        READINESS_REPLICA_LOG: log,
        READINESS_REPLICA_WORKER: 'survivor',
        READINESS_REPLICA_CLAIM_MS: claimMs,
      });
      expect(await survivor.done).toBe(0);
      // The survivor finished what was free; the doomed batch waits for its claim to expire.
      await new Promise(r => setTimeout(r, Number(claimMs)));
      const again = startReplica({
        READINESS_REPLICA_DB: connection,
        READINESS_REPLICA_LOG: log,
        READINESS_REPLICA_WORKER: 'survivor',
        READINESS_REPLICA_CLAIM_MS: claimMs,
      });
      expect(await again.done).toBe(0);

      const bySurvivor = collections(log)
        .filter(c => c.worker === 'survivor')
        .map(c => c.ref);
      expect(bySurvivor).toEqual(expect.arrayContaining(held));
      // The doomed replica wrote nothing for its batch: each entity was
      // collected by the survivor exactly once and has one history row.
      expect(bySurvivor).toHaveLength(ENTITIES);
      expect(new Set(bySurvivor).size).toBe(ENTITIES);
      await expectCompleteAndUnique();
    });

    it('a replica killed after writing part of its batch leaves complete result sets, and the takeover adds no duplicate history rows', async () => {
      const claimMs = '3000';
      const doomed = startReplica({
        READINESS_REPLICA_DB: connection,
        READINESS_REPLICA_LOG: log,
        READINESS_REPLICA_WORKER: 'doomed',
        READINESS_REPLICA_HANG_AFTER_WRITES: '4',
        READINESS_REPLICA_CLAIM_MS: claimMs,
      });
      for (let i = 0; i < 300; i++) {
        const [{ n }] = await knex('readiness_entity_scores').count('* as n');
        if (Number(n) >= 4) break;
        await new Promise(r => setTimeout(r, 100));
      }
      doomed.kill('SIGKILL');
      await doomed.done;
      const written = await knex('readiness_entity_scores').pluck('entity_ref');
      expect(written).toHaveLength(4);
      const [{ n: partial }] = await knex('readiness_results').count('* as n');
      expect(Number(partial)).toBe(4 * replicaScorecard.checks.length);

      await new Promise(r => setTimeout(r, Number(claimMs)));
      const survivor = startReplica({
        READINESS_REPLICA_DB: connection,
        READINESS_REPLICA_LOG: log,
        READINESS_REPLICA_WORKER: 'survivor',
        READINESS_REPLICA_CLAIM_MS: claimMs,
      });
      expect(await survivor.done).toBe(0);

      const bySurvivor = collections(log)
        .filter(c => c.worker === 'survivor')
        .map(c => c.ref);
      expect(bySurvivor).toEqual(expect.arrayContaining(written));
      await expectCompleteAndUnique();
    });
  },
);
