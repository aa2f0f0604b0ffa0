import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { readinessFactProvidersExtensionPoint } from '@readiness/backstage-plugin-readiness-node';
import { Knex } from 'knex';
import { readinessPlugin } from '../plugin';
import { testEntity, testScorecard } from './fixtures';

/**
 * A Readiness backend with a real SQLite database, a catalog that hides
 * entities from some users (as a catalog permission policy would) and a
 * permission policy per user, for the access and bad-input tests.
 */

export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';
export const LEAD = 'user:default/lead';
export const MALLORY = 'user:default/mallory';

/** Alice owns checkout; everyone can read it. */
export const checkout: Entity = {
  ...testEntity,
  relations: [{ type: 'ownedBy', targetRef: ALICE }],
};
/** Bob owns vault; only Bob and the lead can read it in the catalog. */
export const vault: Entity = {
  ...testEntity,
  metadata: { ...testEntity.metadata, name: 'vault' },
  spec: { ...testEntity.spec, owner: BOB },
  relations: [{ type: 'ownedBy', targetRef: BOB }],
};
const readersOf: Record<string, string[] | undefined> = {
  [stringifyEntityRef(vault)]: [BOB, LEAD],
};

/**
 * The permission policy: the lead holds every Readiness permission, other
 * users only readiness.refresh, and Mallory none.
 */
const leadOnly = ['readiness.attestation.create', 'readiness.exemption.create'];

function canRead(credentials: unknown, entity: Entity | undefined) {
  if (!entity) return false;
  const readers = readersOf[stringifyEntityRef(entity)];
  const principal = (credentials as BackstageCredentials | undefined)
    ?.principal as { type?: string; userEntityRef?: string } | undefined;
  if (!readers || principal?.type === 'service') return true;
  return readers.includes(principal?.userEntityRef ?? '');
}

/** The catalog as a permission-filtered catalog answers each caller. */
function filteredCatalog(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => ({
      ...catalog,
      getEntityByRef: async (ref: any, options: any) => {
        const entity = await catalog.getEntityByRef(ref, options);
        return canRead(options?.credentials, entity) ? entity : undefined;
      },
      getEntitiesByRefs: async (request: any, options: any) => {
        const answer = await catalog.getEntitiesByRefs(
          { entityRefs: request.entityRefs },
          options,
        );
        return {
          items: answer.items.map(e =>
            canRead(options?.credentials, e) ? e : undefined,
          ),
        };
      },
    }),
  });
}

const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    async authorize(requests, options) {
      const principal = options.credentials.principal as {
        userEntityRef?: string;
      };
      const allowed = (name: string) => {
        if (principal.userEntityRef === LEAD) return true;
        if (principal.userEntityRef === MALLORY) return false;
        return !leadOnly.includes(name);
      };
      return requests.map(r => ({
        result: allowed(r.permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })) as any;
    },
    // Catalog read as a catalog policy decides it: the lead reads every
    // entity; for everyone else it depends on the entity (a condition).
    async authorizeConditional(requests, options) {
      const principal = options.credentials.principal as {
        userEntityRef?: string;
      };
      return requests.map(r => {
        if (r.permission.name !== 'catalog.entity.read') {
          return { result: AuthorizeResult.DENY };
        }
        return principal.userEntityRef === LEAD
          ? { result: AuthorizeResult.ALLOW }
          : ({
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: [principal.userEntityRef ?? ''] },
              },
            } as PolicyDecision);
      }) as any;
    },
  }),
});

const testProviderModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'access-test-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider({
          id: 'test-cluster',
          collect: async ({ entities }) =>
            new Map(
              entities.map(e => [
                stringifyEntityRef(e),
                {
                  status: 'ok' as const,
                  data: {
                    workloads: [
                      {
                        kind: 'Deployment',
                        namespace: 'shop',
                        name: e.metadata.name,
                        replicas: e.metadata.name === 'vault' ? 3 : 1,
                      },
                    ],
                  },
                },
              ]),
            ),
          factsFromContent: ({ manifests }) =>
            manifests ? { workloads: manifests } : undefined,
        });
      },
    });
  },
});

/** Starts the backend on a fresh SQLite database; `knex` reads its tables. */
export async function startAccessBackend(
  databases: TestDatabases,
  config: JsonObject = {},
): Promise<{ server: any; knex: Knex }> {
  const knex = await databases.init('SQLITE_3');
  const { server } = await startTestBackend({
    features: [
      readinessPlugin,
      testProviderModule,
      filteredCatalog([checkout, vault]),
      permissions,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          readiness: {
            defaultScorecard: { enabled: false },
            scorecards: [testScorecard as unknown as JsonObject],
            ...config,
          },
        },
      }),
    ],
  });
  return { server, knex };
}

/** Every row of every Readiness table, to compare before and after a request. */
export async function snapshotTables(knex: Knex) {
  const tables = [
    'readiness_facts',
    'readiness_results',
    'readiness_entity_scores',
    'readiness_history',
    'readiness_attestations',
    'readiness_exemptions',
  ];
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await knex(table).select();
    snapshot[table] = rows.map(row => JSON.stringify(row)).sort();
  }
  return snapshot;
}
