import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** The part of the catalog service that the readiness backend calls. */
interface ReadinessCatalog {
  getEntityByRef(ref: string): Promise<Entity | undefined>;
  getEntitiesByRefs(request: {
    entityRefs: string[];
  }): Promise<{ items: Array<Entity | undefined> }>;
  queryEntities(): Promise<{
    items: Entity[];
    totalItems: number;
    pageInfo: {};
  }>;
}

/**
 * Replaces the catalog service (`catalog-client`, the id of
 * `catalogServiceRef`) with a fixed list of entities, for startTestBackend.
 */
export function inMemoryCatalog(entities: Entity[]) {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const service = createServiceRef<ReadinessCatalog>({ id: 'catalog-client' });
  return createServiceFactory({
    service,
    deps: {},
    factory: () => ({
      getEntityByRef: async (ref: string) =>
        byRef.get(ref.toLocaleLowerCase('en-US')),
      getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(ref => byRef.get(ref.toLocaleLowerCase('en-US'))),
      }),
      queryEntities: async () => ({
        items: entities,
        totalItems: entities.length,
        pageInfo: {},
      }),
    }),
  });
}
