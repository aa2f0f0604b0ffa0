import { createStoreTestDatabases, ref } from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseReadinessStore', () => {
  const { databases, setup } = createStoreTestDatabases();

  describe('facts', () => {
    const t1 = new Date('2026-03-01T08:00:00.001Z');
    const t2 = new Date('2026-03-01T09:00:00.002Z');
    const t3 = new Date('2026-03-01T10:00:00.003Z');

    it.each(databases.eachSupportedId())(
      'reports only changed data and keeps data when an attempt fails, %p',
      async databaseId => {
        const { store } = await setup(databaseId);

        await expect(
          store.writeFacts([
            {
              entityRef: ref('a'),
              source: 'kubernetes',
              attemptedAt: t1,
              status: 'ok',
              data: { replicas: 1 },
              contentHash: 'h1',
            },
            {
              entityRef: ref('a'),
              source: 'repository',
              attemptedAt: t1,
              status: 'ok',
              data: { codeowners: true },
              contentHash: 'r1',
            },
            {
              entityRef: ref('b'),
              source: 'kubernetes',
              attemptedAt: t1,
              status: 'error',
              error: 'cluster unreachable',
            },
          ]),
        ).resolves.toEqual(new Set([ref('a')]));

        // Same hash: not changed, but the successful collection is recorded.
        await expect(
          store.writeFacts([
            {
              entityRef: ref('a'),
              source: 'kubernetes',
              attemptedAt: t2,
              status: 'ok',
              data: { replicas: 1 },
              contentHash: 'h1',
            },
          ]),
        ).resolves.toEqual(new Set());

        // A failure keeps data, hash and collection time.
        await expect(
          store.writeFacts([
            {
              entityRef: ref('a'),
              source: 'kubernetes',
              attemptedAt: t3,
              status: 'error',
              error: 'timeout',
            },
          ]),
        ).resolves.toEqual(new Set());

        const facts = await store.getFacts([ref('a'), ref('b'), ref('c')]);
        expect([...facts.keys()]).toEqual([ref('a'), ref('b')]);
        expect(facts.get(ref('a'))).toEqual([
          {
            entityRef: ref('a'),
            source: 'kubernetes',
            data: { replicas: 1 },
            contentHash: 'h1',
            collectedAt: t2,
            attemptedAt: t3,
            error: 'timeout',
          },
          {
            entityRef: ref('a'),
            source: 'repository',
            data: { codeowners: true },
            contentHash: 'r1',
            collectedAt: t1,
            attemptedAt: t1,
            error: null,
          },
        ]);
        expect(facts.get(ref('b'))).toEqual([
          {
            entityRef: ref('b'),
            source: 'kubernetes',
            data: null,
            contentHash: null,
            collectedAt: null,
            attemptedAt: t1,
            error: 'cluster unreachable',
          },
        ]);
        // The states are the same rows without their data.
        const states = await store.getFactStates([
          ref('a'),
          ref('b'),
          ref('c'),
        ]);
        expect(states).toEqual(
          new Map(
            [...facts].map(([entityRef, list]) => [
              entityRef,
              list.map(({ data, ...state }) => state),
            ]),
          ),
        );

        // New content replaces data and clears the error; the last write of a
        // key in a batch wins.
        await expect(
          store.writeFacts([
            {
              entityRef: ref('a'),
              source: 'kubernetes',
              attemptedAt: t3,
              status: 'ok',
              data: { replicas: 2 },
              contentHash: 'h2',
            },
            {
              entityRef: ref('a'),
              source: 'kubernetes',
              attemptedAt: t3,
              status: 'ok',
              data: { replicas: 3 },
              contentHash: 'h3',
            },
            {
              entityRef: ref('b'),
              source: 'kubernetes',
              attemptedAt: t3,
              status: 'ok',
              data: { replicas: 4 },
              contentHash: 'h4',
            },
          ]),
        ).resolves.toEqual(new Set([ref('a'), ref('b')]));
        const updated = await store.getFacts([ref('a'), ref('b')]);
        expect(updated.get(ref('a'))?.[0]).toMatchObject({
          data: { replicas: 3 },
          contentHash: 'h3',
          collectedAt: t3,
          error: null,
        });
        expect(updated.get(ref('b'))?.[0]).toMatchObject({
          data: { replicas: 4 },
          collectedAt: t3,
          error: null,
        });
      },
    );

    it.each(databases.eachSupportedId())(
      'derives per-source status, %p',
      async databaseId => {
        const { store } = await setup(databaseId);
        await store.writeFacts([
          {
            entityRef: ref('a'),
            source: 'kubernetes',
            attemptedAt: t1,
            status: 'ok',
            data: {},
            contentHash: 'x',
          },
          {
            entityRef: ref('b'),
            source: 'kubernetes',
            attemptedAt: t2,
            status: 'error',
            error: 'older error',
          },
          {
            entityRef: ref('c'),
            source: 'kubernetes',
            attemptedAt: t3,
            status: 'error',
            error: 'newest error',
          },
          {
            entityRef: ref('a'),
            source: 'repository',
            attemptedAt: t2,
            status: 'ok',
            data: {},
            contentHash: 'y',
          },
        ]);

        await expect(store.getSourceStatus()).resolves.toEqual([
          {
            source: 'kubernetes',
            entities: 3,
            failing: 2,
            lastSuccessAt: t1,
            lastAttemptAt: t3,
            lastError: 'newest error',
          },
          {
            source: 'repository',
            entities: 1,
            failing: 0,
            lastSuccessAt: t2,
            lastAttemptAt: t2,
            lastError: null,
          },
        ]);
      },
    );
  });
});
