import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { chunks } from '../database/filters';
import { ReadinessStore } from '../database/ReadinessStore';

/** Entity refs asked about in one catalog request. */
const CATALOG_BATCH = 1000;

/** How long one caller's readable set is reused (overview, trend and table load together). */
export const READABLE_CACHE_MS = 10_000;

/** Cached answers kept at most; the oldest is dropped first. */
const MAX_CACHED_CALLERS = 500;

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}

/**
 * Which scored entities a caller may read, so that org-wide routes (overview,
 * entity list, trend, drill-down, export) follow catalog read access like the
 * entity routes do. The permission policy is asked first, as the catalog
 * does: a caller allowed to read every entity gets no restriction, one denied
 * gets none; only for a conditional decision is the catalog asked, with the
 * caller's credentials, about the entities the store holds scores for, 1000
 * refs per request, with the three fields a ref needs.
 */
export class ReadableEntities {
  private readonly cache = new Map<
    string,
    { expiresAt: number; refs: Promise<string[] | undefined> }
  >();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      permissions: PermissionsService;
      store: Pick<ReadinessStore, 'listScoredEntityRefs'>;
      now?: () => number;
    },
  ) {}

  /** The stored entity refs the caller can read in the catalog; undefined when it can read every entity. */
  async refs(credentials: BackstageCredentials): Promise<string[] | undefined> {
    const now = (this.options.now ?? Date.now)();
    const key = principalKey(credentials);
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.refs;
    }
    const refs = this.lookUp(credentials);
    this.cache.delete(key);
    this.cache.set(key, { expiresAt: now + READABLE_CACHE_MS, refs });
    if (this.cache.size > MAX_CACHED_CALLERS) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    refs.catch(() => this.cache.delete(key));
    return refs;
  }

  private async lookUp(
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return undefined;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return [];
    }
    const stored = await this.options.store.listScoredEntityRefs();
    const readable: string[] = [];
    for (const entityRefs of chunks(stored, CATALOG_BATCH)) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
        { credentials },
      );
      items.forEach((item, index) => {
        if (item) readable.push(entityRefs[index]);
      });
    }
    return readable;
  }
}
