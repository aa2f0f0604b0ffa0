import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { CheckStatus } from '@readiness/backstage-plugin-readiness-common';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { EntityScore, StoredResult } from '../database/ReadinessStore';
import { testDatabaseIds } from './testDatabaseIds';

/** Shared setup and builders of the store tests in `src/database`. */

export const scorecardId = 'production-readiness';
/** The levels of `scorecardId`, lowest first. */
export const levels = ['bronze', 'silver', 'gold'];
export const evaluatedAt = new Date('2026-03-01T10:00:00.123Z');
export const ref = (name: string) => `component:default/${name}`;
export const teamA = 'group:default/team-a';
export const teamB = 'group:default/team-b';

/** A score of `component:default/<name>` on `scorecardId`, owned by team-a. */
export function score(
  name: string,
  overrides: Partial<EntityScore> = {},
): EntityScore {
  return {
    entityRef: ref(name),
    scorecardId,
    level: 'bronze',
    levelRank: 1,
    score: 50,
    counts: { pass: 1, fail: 1, 'not-applicable': 0, unknown: 0, exempt: 0 },
    kind: 'Component',
    type: 'service',
    title: null,
    owner: teamA,
    system: null,
    domain: null,
    lifecycle: 'production',
    tier: null,
    inputHash: `hash-${name}`,
    evaluatedAt,
    ...overrides,
  };
}

/** A check result with one evidence item that repeats its status. */
export function result(
  checkId: string,
  status: CheckStatus,
  overrides: Partial<StoredResult> = {},
): StoredResult {
  return {
    checkId,
    status,
    evidence: [{ object: `deployment ${checkId}`, status, message: status }],
    source: 'kubernetes',
    changedAt: evaluatedAt,
    ...overrides,
  };
}

/**
 * The databases of `testDatabaseIds()` and a `setup` that gives a fresh,
 * migrated database with a store on it. Call it inside a `describe` block:
 * `TestDatabases.create` registers the hooks that shut the databases down.
 */
export function createStoreTestDatabases() {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  async function setup(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  return { databases, setup };
}
