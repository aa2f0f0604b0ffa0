import { ImportedRecords } from './ReadinessStore';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { mockServices } from '@backstage/backend-test-utils';
import { createStoreTestDatabases, ref } from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

const records = (key: string): ImportedRecords => ({
  attestations: [
    {
      importKey: `a-${key}`.padEnd(64, '0'),
      entityRef: ref('payments-api'),
      checkId: 'oncall-runbook-content',
      attestedBy: 'user:default/alice',
      attestedAt: '2026-02-01T00:00:00.000Z',
      expiresAt: '2026-07-31T00:00:00.000Z',
      evidenceUrl: 'https://docs.example.com/runbook',
    },
  ],
  exemptions: [
    {
      importKey: `e-${key}`.padEnd(64, '0'),
      entityRef: ref('catalog-search'),
      checkId: 'sec-network-policy',
      grantedBy: 'user:default/grace',
      grantedAt: '2026-02-01T00:00:00.000Z',
      expiresAt: '2026-04-01T00:00:00.000Z',
      reason: 'Istio AuthorizationPolicy denies by default',
    },
  ],
});

describe('DatabaseReadinessStore record imports', () => {
  const { databases, setup } = createStoreTestDatabases();

  it.each(databases.eachSupportedId())(
    'adds each imported entry once, however often it is imported, %p',
    async databaseId => {
      const { store } = await setup(databaseId);

      await expect(store.importRecords(records('1'))).resolves.toEqual({
        attestations: 1,
        exemptions: 1,
        entityRefs: [ref('catalog-search'), ref('payments-api')],
      });
      await expect(store.importRecords(records('1'))).resolves.toEqual({
        attestations: 0,
        exemptions: 0,
        entityRefs: [],
      });

      const stored = await store.listRecords([
        ref('payments-api'),
        ref('catalog-search'),
      ]);
      expect(stored.attestations).toEqual([
        expect.objectContaining({
          checkId: 'oncall-runbook-content',
          attestedBy: 'user:default/alice',
          attestedAt: '2026-02-01T00:00:00.000Z',
        }),
      ]);
      expect(stored.exemptions).toEqual([
        expect.objectContaining({
          checkId: 'sec-network-policy',
          reason: 'Istio AuthorizationPolicy denies by default',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores one copy when two replicas import the same file at once, %p',
    async databaseId => {
      const { knex, store } = await setup(databaseId);
      const second = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });

      await Promise.all([
        store.importRecords(records('2')),
        second.importRecords(records('2')),
      ]);

      const [{ n: attestations }] = await knex('readiness_attestations').count(
        '* as n',
      );
      const [{ n: exemptions }] = await knex('readiness_exemptions').count(
        '* as n',
      );
      expect(Number(attestations)).toBe(1);
      expect(Number(exemptions)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps records made through the API apart from imported ones, %p',
    async databaseId => {
      const { store } = await setup(databaseId);
      const { importKey, ...apiRecord } = records('3').attestations[0];
      await store.addAttestation(apiRecord);
      await store.addAttestation(apiRecord);

      await expect(store.importRecords(records('3'))).resolves.toMatchObject({
        attestations: 1,
      });
      const stored = await store.listRecords([ref('payments-api')]);
      expect(stored.attestations).toHaveLength(3);
      expect(importKey).toHaveLength(64);
    },
  );
});
