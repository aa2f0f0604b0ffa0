import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { TABLES, resultToRow, scoreToRow } from './mappers';
import {
  createStoreTestDatabases,
  evaluatedAt,
  ref,
  result,
  score,
  scorecardId,
  teamA,
  teamB,
} from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseReadinessStore', () => {
  const { databases, setup } = createStoreTestDatabases();

  it.each(databases.eachSupportedId())(
    'migrates on create and answers ping, %p',
    async databaseId => {
      const { knex, store } = await setup(databaseId);

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
  describe('evaluations', () => {
    it.each(databases.eachSupportedId())(
      'replaces results and score and round-trips every field, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        await store.writeEvaluation({
          score: score('a', { inputHash: 'first' }),
          results: [
            result('k1', 'pass'),
            result('k2', 'fail'),
            result('k3', 'unknown'),
          ],
        });
        await store.writeEvaluation({
          score: score('a', { scorecardId: 'security', inputHash: 'other' }),
          results: [result('s1', 'pass')],
        });

        const later = new Date('2026-03-01T11:30:00.456Z');
        const replaced = {
          score: score('a', {
            level: null,
            levelRank: 0,
            score: null,
            counts: {
              pass: 0,
              fail: 0,
              'not-applicable': 1,
              unknown: 0,
              exempt: 1,
            },
            title: 'Payments API',
            system: 'system:default/payments',
            domain: 'domain:default/commerce',
            tier: '1',
            inputHash: 'second',
            evaluatedAt: later,
          }),
          results: [
            result('k1', 'exempt', {
              computedStatus: 'fail',
              changedAt: later,
            }),
            result('k4', 'not-applicable', {
              source: 'attestation',
              evidence: [],
              changedAt: later,
            }),
          ],
        };
        await store.writeEvaluation(replaced);

        await expect(store.getEntityEvaluations(ref('a'))).resolves.toEqual([
          replaced,
          {
            score: score('a', { scorecardId: 'security', inputHash: 'other' }),
            results: [result('s1', 'pass')],
          },
        ]);
        await expect(store.getEntityEvaluations(ref('x'))).resolves.toEqual([]);
        const hashes = await store.getInputHashes([ref('a'), ref('x')]);
        expect(hashes).toEqual(
          new Map([
            [
              ref('a'),
              new Map([
                [scorecardId, 'second'],
                ['security', 'other'],
              ]),
            ],
          ]),
        );
      },
    );

    it.each(databases.eachSupportedId())(
      'keeps one history row per UTC day, the latest winning, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        const write = (at: string, level: string | null, value: number) =>
          store.writeEvaluation({
            score: score('a', {
              level,
              levelRank: level ? 1 : 0,
              score: value,
              evaluatedAt: new Date(at),
            }),
            results: [],
          });

        await write('2026-03-01T00:00:00.000Z', null, 10);
        await write('2026-03-01T23:59:59.999Z', 'bronze', 40);
        await write('2026-03-02T00:00:00.000Z', 'silver', 80);
        await write('2026-03-04T12:00:00.000Z', 'bronze', 60);

        await expect(
          store.getHistory({
            entityRef: ref('a'),
            scorecardId,
            from: '2026-02-01',
            to: '2026-03-31',
          }),
        ).resolves.toEqual([
          { day: '2026-03-01', level: 'bronze', levelRank: 1, score: 40 },
          { day: '2026-03-02', level: 'silver', levelRank: 1, score: 80 },
          { day: '2026-03-04', level: 'bronze', levelRank: 1, score: 60 },
        ]);
        await expect(
          store.getHistory({
            entityRef: ref('a'),
            scorecardId,
            from: '2026-03-02',
            to: '2026-03-03',
          }),
        ).resolves.toEqual([
          { day: '2026-03-02', level: 'silver', levelRank: 1, score: 80 },
        ]);
        await expect(
          store.getHistory({
            entityRef: ref('a'),
            scorecardId: 'security',
            from: '2026-02-01',
            to: '2026-03-31',
          }),
        ).resolves.toEqual([]);
      },
    );

    it.each(databases.eachSupportedId())(
      'deletes every trace of removed entities but their records, %p',
      async databaseId => {
        const { knex, store } = await setup(databaseId);
        for (const name of ['a', 'b']) {
          await store.writeFacts([
            {
              entityRef: ref(name),
              source: 'kubernetes',
              attemptedAt: evaluatedAt,
              status: 'ok',
              data: {},
              contentHash: 'h',
            },
          ]);
          await store.writeEvaluation({
            score: score(name),
            results: [result('k1', 'pass')],
          });
          await store.requestRefresh(ref(name), evaluatedAt);
          await store.addExemption({
            entityRef: ref(name),
            checkId: 'k1',
            grantedBy: 'user:default/jane',
            grantedAt: evaluatedAt.toISOString(),
            expiresAt: '2026-06-01T00:00:00.000Z',
            reason: 'migration in progress',
          });
        }

        await store.deleteEntities([ref('a')]);

        for (const table of [
          TABLES.facts,
          TABLES.results,
          TABLES.scores,
          TABLES.history,
          TABLES.queue,
        ]) {
          await expect(knex(table).pluck('entity_ref')).resolves.toEqual([
            ref('b'),
          ]);
        }
        const records = await store.listRecords([ref('a'), ref('b')]);
        expect(records.exemptions.map(e => e.entityRef).sort()).toEqual([
          ref('a'),
          ref('b'),
        ]);
      },
    );
  });

  describe('export', () => {
    it.each(databases.eachSupportedId())(
      'streams every filtered entity with its statuses in entity order, %p',
      async databaseId => {
        const { knex, store } = await setup(databaseId);
        const names = Array.from(
          { length: 503 },
          (_, i) => `e${String(i).padStart(3, '0')}`,
        );
        const scores = names.map(name =>
          scoreToRow(score(name, { owner: name === 'e001' ? teamB : teamA })),
        );
        const results = names.flatMap(name => [
          resultToRow(ref(name), scorecardId, result('k1', 'pass')),
          resultToRow(
            ref(name),
            scorecardId,
            result('k2', name.endsWith('7') ? 'fail' : 'unknown'),
          ),
        ]);
        // Reverse insertion order: the export must sort, not rely on it.
        await knex.batchInsert(TABLES.scores, scores.reverse(), 50);
        await knex.batchInsert(TABLES.results, results, 50);
        await store.writeEvaluation({
          score: score('e000', { scorecardId: 'security' }),
          results: [result('s1', 'fail')],
        });

        const exported = [];
        for await (const row of store.listResultsForExport({
          scorecardId,
          filters: { owner: [teamA] },
        })) {
          exported.push(row);
        }

        const expectedNames = names.filter(name => name !== 'e001');
        expect(exported.map(row => row.score.entityRef)).toEqual(
          expectedNames.map(ref),
        );
        expect(exported[0]).toEqual({
          score: score('e000'),
          statuses: { k1: 'pass', k2: 'unknown' },
        });
        expect(exported[496]).toMatchObject({
          score: { entityRef: ref('e497') },
          statuses: { k1: 'pass', k2: 'fail' },
        });
        expect(exported[501]).toMatchObject({
          score: { entityRef: ref('e502') },
          statuses: { k1: 'pass', k2: 'unknown' },
        });

        const none = [];
        for await (const row of store.listResultsForExport({
          scorecardId,
          filters: { lifecycle: ['retired'] },
        })) {
          none.push(row);
        }
        expect(none).toEqual([]);
      },
    );
  });

  describe('attestations and exemptions', () => {
    it.each(databases.eachSupportedId())(
      'appends records and lists them newest first, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        const older = await store.addAttestation({
          entityRef: ref('a'),
          checkId: 'runbook',
          attestedBy: 'user:default/jane',
          attestedAt: '2026-03-01T10:00:00.000Z',
          expiresAt: '2026-06-01T10:00:00.000Z',
          evidenceUrl: 'https://wiki.example.com/runbook',
        });
        const newer = await store.addAttestation({
          entityRef: ref('a'),
          checkId: 'load-test',
          attestedBy: 'user:default/jane',
          attestedAt: '2026-03-02T10:00:00.000Z',
          expiresAt: '2026-06-02T10:00:00.000Z',
          evidenceUrl: 'https://wiki.example.com/na',
          note: 'batch job',
          notApplicableReason: 'no user traffic',
        });
        const other = await store.addAttestation({
          entityRef: ref('b'),
          checkId: 'runbook',
          attestedBy: 'user:default/joe',
          attestedAt: '2026-03-03T10:00:00.000Z',
          expiresAt: '2026-06-03T10:00:00.000Z',
          evidenceUrl: 'https://wiki.example.com/b',
        });
        expect(older).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          entityRef: ref('a'),
          checkId: 'runbook',
          attestedBy: 'user:default/jane',
          attestedAt: '2026-03-01T10:00:00.000Z',
          expiresAt: '2026-06-01T10:00:00.000Z',
          evidenceUrl: 'https://wiki.example.com/runbook',
        });
        expect(newer).toMatchObject({
          note: 'batch job',
          notApplicableReason: 'no user traffic',
        });

        const exemption = await store.addExemption({
          entityRef: ref('a'),
          checkId: 'pdb',
          grantedBy: 'user:default/lead',
          grantedAt: '2026-03-01T12:00:00.000Z',
          expiresAt: '2026-04-01T12:00:00.000Z',
          reason: 'single replica by design',
        });
        expect(exemption).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          entityRef: ref('a'),
          checkId: 'pdb',
          grantedBy: 'user:default/lead',
          grantedAt: '2026-03-01T12:00:00.000Z',
          expiresAt: '2026-04-01T12:00:00.000Z',
          reason: 'single replica by design',
        });

        await expect(store.listRecords([ref('a'), ref('b')])).resolves.toEqual({
          attestations: [other, newer, older],
          exemptions: [exemption],
        });
        await expect(store.listRecords([ref('b')])).resolves.toEqual({
          attestations: [other],
          exemptions: [],
        });
        await expect(store.listRecords([])).resolves.toEqual({
          attestations: [],
          exemptions: [],
        });
      },
    );

    it.each(databases.eachSupportedId())(
      'records a revocation once and refuses unknown or foreign ids, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        const granted = {
          entityRef: ref('a'),
          checkId: 'pdb',
          grantedBy: 'user:default/lead',
          grantedAt: '2026-03-01T12:00:00.000Z',
          expiresAt: '2026-04-01T12:00:00.000Z',
          reason: 'single replica by design',
        };
        const exemption = await store.addExemption(granted);
        const newer = await store.addExemption({
          ...granted,
          grantedAt: '2026-03-05T12:00:00.000Z',
        });

        const revoked = await store.revokeExemption({
          entityRef: ref('a'),
          id: exemption.id,
          revokedBy: 'user:default/sec',
          revokedAt: new Date('2026-03-10T08:00:00.000Z'),
        });
        expect(revoked).toEqual({
          ...exemption,
          revokedBy: 'user:default/sec',
          revokedAt: '2026-03-10T08:00:00.000Z',
        });
        // A second revocation keeps the first.
        await expect(
          store.revokeExemption({
            entityRef: ref('a'),
            id: exemption.id,
            revokedBy: 'user:default/other',
            revokedAt: new Date('2026-03-11T08:00:00.000Z'),
          }),
        ).resolves.toEqual(revoked);

        await expect(
          store.revokeExemption({
            entityRef: ref('b'),
            id: newer.id,
            revokedBy: 'user:default/sec',
            revokedAt: new Date(),
          }),
        ).rejects.toThrow(NotFoundError);
        await expect(
          store.revokeExemption({
            entityRef: ref('a'),
            id: '00000000-0000-0000-0000-000000000000',
            revokedBy: 'user:default/sec',
            revokedAt: new Date(),
          }),
        ).rejects.toThrow(NotFoundError);

        await expect(store.listRecords([ref('a')])).resolves.toEqual({
          attestations: [],
          exemptions: [newer, revoked],
        });
      },
    );

    it.each(databases.eachSupportedId())(
      'records the revocation of an attestation once, keeping the record, %p',
      async databaseId => {
        const { knex, store } = await setup(databaseId);
        const attestation = await store.addAttestation({
          entityRef: ref('a'),
          checkId: 'runbook',
          attestedBy: 'user:default/alice',
          attestedAt: '2026-03-01T12:00:00.000Z',
          expiresAt: '2026-08-01T12:00:00.000Z',
          evidenceUrl: 'https://wiki.example.com/runbook',
        });
        const revoked = await store.revokeAttestation({
          entityRef: ref('a'),
          id: attestation.id,
          revokedBy: 'user:default/bob',
          revokedAt: new Date('2026-03-02T08:00:00.000Z'),
        });
        expect(revoked).toEqual({
          ...attestation,
          revokedBy: 'user:default/bob',
          revokedAt: '2026-03-02T08:00:00.000Z',
        });
        await expect(
          store.revokeAttestation({
            entityRef: ref('a'),
            id: attestation.id,
            revokedBy: 'user:default/mallory',
            revokedAt: new Date('2026-03-03T08:00:00.000Z'),
          }),
        ).resolves.toEqual(revoked);
        await expect(
          store.revokeAttestation({
            entityRef: ref('b'),
            id: attestation.id,
            revokedBy: 'user:default/bob',
            revokedAt: new Date(),
          }),
        ).rejects.toThrow(
          `No attestation ${attestation.id} exists for entity ${ref('b')}`,
        );
        expect(
          Number((await knex(TABLES.attestations).count({ n: '*' }))[0].n),
        ).toBe(1);
        await expect(store.listRecords([ref('a')])).resolves.toEqual({
          attestations: [revoked],
          exemptions: [],
        });
      },
    );
  });
});
