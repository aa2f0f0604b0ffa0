/*
 * One refresh-engine replica as its own process, for the multi-replica test:
 * connects to the PostgreSQL database named in READINESS_REPLICA_DB (JSON knex
 * connection), works the refresh queue until it is empty, and appends every
 * entity its provider collected to READINESS_REPLICA_LOG. With
 * READINESS_REPLICA_HANG=1 the provider never returns, so the parent can kill
 * the process while it holds a claim; with READINESS_REPLICA_HANG_AFTER_WRITES=n
 * the process stops after writing n evaluations, in the middle of its batch.
 */
import { appendFileSync } from 'node:fs';
import { stringifyEntityRef } from '@backstage/catalog-model';
import knexFactory from 'knex';
import { DatabaseReadinessStore } from '../../database/DatabaseReadinessStore';
import { EvaluationWrite } from '../../database/ReadinessStore';
import { RefreshEngine } from '../RefreshEngine';
import { replicaEntity, replicaScorecard } from './replicaFixtures';

async function main() {
  const worker = process.env.READINESS_REPLICA_WORKER!;
  const log = process.env.READINESS_REPLICA_LOG!;
  const hang = process.env.READINESS_REPLICA_HANG === '1';
  const knex = knexFactory({
    client: 'pg',
    connection: JSON.parse(process.env.READINESS_REPLICA_DB!),
  });
  const databaseStore = await DatabaseReadinessStore.create({
    database: { getClient: async () => knex, migrations: { skip: true } },
  });
  const writeLimit = Number(
    process.env.READINESS_REPLICA_HANG_AFTER_WRITES ?? Infinity,
  );
  let writes = 0;
  const store = new Proxy(databaseStore, {
    get(target, property) {
      if (property === 'writeEvaluations') {
        // Writes the evaluations up to the limit, then hangs mid-batch.
        return async (batch: EvaluationWrite[]) => {
          const room = Math.max(0, writeLimit - writes);
          if (batch.length > room) {
            await target.writeEvaluations(batch.slice(0, room));
            writes += room;
            await new Promise(() => {});
          }
          writes += batch.length;
          return target.writeEvaluations(batch);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const quiet = () => {};
  const logger = {
    info: quiet,
    debug: quiet,
    warn: quiet,
    error: (message: string) => process.stderr.write(`${message}\n`),
    child: () => logger,
  };
  const engine = new RefreshEngine({
    store,
    logger,
    catalog: {
      getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(ref => replicaEntity(ref.split('/')[1])),
      }),
    } as any,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    providers: () => [
      {
        id: 'test-cluster',
        collect: async ({ entities }) => {
          const refs = entities.map(e => stringifyEntityRef(e));
          appendFileSync(log, refs.map(r => `${worker} ${r}\n`).join(''));
          if (hang) {
            await new Promise(() => {});
          }
          await new Promise(r => setTimeout(r, 50));
          return new Map(
            refs.map(r => [
              r,
              {
                status: 'ok' as const,
                data: {
                  workloads: [
                    {
                      kind: 'Deployment',
                      namespace: 'shop',
                      name: r,
                      replicas: 2,
                    },
                  ],
                },
              },
            ]),
          );
        },
      },
    ],
    scorecards: () => [replicaScorecard],
    refresh: {
      schedule: { frequency: { seconds: 1 }, timeout: { minutes: 1 } },
      intervalMs: 60 * 60 * 1000,
      retryDelayMs: 60 * 1000,
      batchSize: Number(process.env.READINESS_REPLICA_BATCH ?? 10),
      claimTimeoutMs: Number(process.env.READINESS_REPLICA_CLAIM_MS ?? 60_000),
      providerTimeoutMs: 60_000,
      maxFactAgeMs: {},
      defaultMaxFactAgeMs: 24 * 60 * 60 * 1000,
    },
    workerId: worker,
  });
  process.stdout.write('ready\n');
  const refreshed = await engine.refreshDue();
  process.stdout.write(`refreshed ${refreshed}\n`);
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
