import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CustomErrorBase, ForwardedError, toError } from '@backstage/errors';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import {
  CollectedFacts,
  eventLoopSlices,
  FactProvider,
  FactTargetStatus,
  EvaluationContent,
} from '@readiness/backstage-plugin-readiness-node';
import { readRepositoryOptions, RepositoryOptions } from '../config';
import { repositoryContentFacts } from '../contentFacts';
import {
  collectRootFacts,
  collectTreeFacts,
  combineRepositoryFacts,
  isRootEvidencePath,
  RepositoryFacts,
  RepositoryLocationFacts,
  RootFacts,
  TreeFacts,
} from '../facts';
import { HostHealth, hostOf } from './HostHealth';
import { LocalTreeReader } from './LocalTreeReader';
import { resolveReadTarget, TreeSource } from './locations';
import { TreeCache } from './TreeCache';
import { TreeReadOptions, TreeReadResult } from './TreeRead';
import { UrlTreeReader } from './UrlTreeReader';

/** A tree that passes the configured limits; it is not read, so its facts are unknown. */
class TreeLimitError extends CustomErrorBase {
  name = 'TreeLimitError' as const;
}

/** What one read of a tree yields: facts of the tree, of the root, or both. */
interface Parts {
  tree?: TreeFacts;
  root?: RootFacts;
}

/**
 * What the cache keeps of one read: the facts made of it, copied through
 * JSON so that they hold their own strings (a string cut out of a file's
 * content would otherwise keep the whole content alive), or why the tree was
 * not read. Answers share the cached facts.
 */
type CachedFacts = { facts: unknown } | { limitError: string };

function describeSource(source: TreeSource): string {
  return source.type === 'url' ? source.url : `file:${source.dir}`;
}

/** Runs `work` for every item, at most `limit` at a time. */
async function forEachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
}

/**
 * The `repository` fact provider: reads each entity's source tree through
 * the UrlReaderService (or an allowed local directory) and turns it into the
 * facts described in the package README. Trees are read again only when
 * their ETag changed; a tree that cannot be read yields an error for that
 * entity, never empty facts.
 *
 * @public
 */
export class RepositoryFactProvider implements FactProvider {
  readonly id = 'repository';
  private readonly urlTrees: UrlTreeReader;
  private readonly localTrees: LocalTreeReader;
  private readonly cache: TreeCache<CachedFacts>;
  private readonly health = new HostHealth();

  /** Facts from posted files of a repository tree, for stateless evaluation. */
  factsFromContent(
    content: EvaluationContent,
  ): Record<string, unknown> | undefined {
    return repositoryContentFacts.factsFromContent(content);
  }

  /** Creates the provider from the root config (`integrations`, `readiness.repository`). */
  static fromConfig(
    config: Config,
    deps: { urlReader: UrlReaderService; logger: LoggerService },
  ): RepositoryFactProvider {
    return new RepositoryFactProvider({
      ...deps,
      options: readRepositoryOptions(config),
      integrations: ScmIntegrations.fromConfig(config),
    });
  }

  private constructor(
    private readonly deps: {
      urlReader: UrlReaderService;
      logger: LoggerService;
      options: RepositoryOptions;
      integrations: ScmIntegrationRegistry;
    },
  ) {
    this.urlTrees = new UrlTreeReader(deps.urlReader);
    this.localTrees = new LocalTreeReader(deps.options.allowedLocalRoots);
    this.cache = new TreeCache(deps.options.cacheSize);
  }

  async collect(request: {
    entities: Entity[];
    signal?: AbortSignal;
  }): Promise<Map<string, CollectedFacts>> {
    const { entities, signal } = request;
    const answers = new Map<string, CollectedFacts>();
    // Local trees are read and parsed synchronously, one tree per turn of
    // the event loop at most once a slice is used up.
    const breathe = eventLoopSlices();
    await forEachLimited(
      entities,
      this.deps.options.concurrency,
      async entity => {
        const entityRef = stringifyEntityRef(entity);
        try {
          await breathe();
          signal?.throwIfAborted();
          const data = await this.collectEntity(entity, signal);
          answers.set(entityRef, {
            status: 'ok',
            data: data as unknown as Record<string, unknown>,
          });
        } catch (error) {
          answers.set(entityRef, {
            status: 'error',
            error: this.explain(error, signal),
          });
        }
      },
    );
    return answers;
  }

  async status(): Promise<FactTargetStatus[]> {
    return this.health.list();
  }

  private explain(error: unknown, signal?: AbortSignal): string {
    if (signal?.aborted) {
      return `Reading the source tree stopped: the provider time limit ran out (readiness.refresh.providerTimeout); ${
        toError(error).message
      }`;
    }
    return toError(error).message;
  }

  /** Reads one entity's tree (and its repository root) into facts. */
  private async collectEntity(
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<RepositoryFacts> {
    const target = resolveReadTarget(entity, {
      integrations: this.deps.integrations,
      mirrors: this.deps.options.mirrors,
    });
    let { tree, root, subpath } = target;
    if (tree.type === 'file') {
      const local = await this.localTrees.locate(tree.dir);
      tree = { type: 'file', dir: local.dir };
      subpath = local.subpath;
      root = local.subpath ? { type: 'file', dir: local.rootDir } : undefined;
    }
    const readFrom = describeSource(tree);
    const location: RepositoryLocationFacts = {
      annotation: target.annotation,
      target: target.target,
      ...(readFrom !== target.target.replace(/^url:/, '') ? { readFrom } : {}),
      ref: target.ref,
      subpath,
    };

    if (!root) {
      // The combined facts are what is cached, so the location is part of the key.
      return this.readFacts(
        tree,
        { tree: true, root: true },
        { subpath: '', ref: target.ref, location },
        parts => combineRepositoryFacts(parts.tree!, parts.root!, location),
        signal,
      );
    }
    const treeFacts = await this.readFacts(
      tree,
      { tree: true, root: false },
      { subpath, ref: target.ref },
      parts => parts.tree!,
      signal,
    );
    let rootFacts: RootFacts | { error: string };
    try {
      rootFacts = await this.readFacts(
        root,
        { tree: false, root: true },
        { subpath, ref: target.ref },
        parts => parts.root!,
        signal,
      );
    } catch (error) {
      signal?.throwIfAborted();
      rootFacts = { error: toError(error).message };
    }
    return combineRepositoryFacts(treeFacts, rootFacts, location);
  }

  private async readTree(
    source: TreeSource,
    options: TreeReadOptions,
  ): Promise<TreeReadResult> {
    return source.type === 'url'
      ? this.urlTrees.read(source.url, options)
      : this.localTrees.read(source.dir, options);
  }

  /**
   * Reads a tree unless its ETag is unchanged, and makes the wanted facts of
   * it. The location's own tree gives tree facts (and root facts when it is
   * the root); a repository root read for a subdirectory keeps only the
   * files root facts need. `make` turns them into what is cached and
   * answered; `context` is everything else it depends on.
   */
  private async readFacts<T>(
    source: TreeSource,
    want: { tree: boolean; root: boolean },
    context: {
      subpath: string | null;
      ref: string | null;
      location?: RepositoryLocationFacts;
    },
    make: (parts: Parts) => T,
    signal?: AbortSignal,
  ): Promise<T> {
    const { subpath, ref } = context;
    const key = JSON.stringify([source, want.tree, want.root, context]);
    const cached = this.cache.get(key);
    const host = hostOf(source);
    const { limits } = this.deps.options;
    let value: CachedFacts;
    try {
      const result = await this.readTree(source, {
        etag: cached?.etag,
        limits,
        select: want.tree ? undefined : isRootEvidencePath,
        signal,
      });
      if (result.notModified) {
        if (!cached)
          throw new Error('the reader answered "not modified" to a first read');
        value = cached.value;
      } else if (result.exceeded) {
        value = { limitError: `it is too large to read: ${result.exceeded}` };
        this.cache.set(key, { etag: result.etag, value });
      } else {
        const parts: Parts = {
          tree: want.tree
            ? collectTreeFacts(result.files, {
                skipped: result.skipped,
                maxListedPaths: limits.maxListedPaths,
              })
            : undefined,
          root: want.root
            ? collectRootFacts(result.files, { subpath, ref })
            : undefined,
        };
        value = { facts: JSON.parse(JSON.stringify(make(parts))) };
        this.cache.set(key, { etag: result.etag, value });
      }
      if ('limitError' in value) throw new TreeLimitError(value.limitError);
      this.health.succeeded(host, result.notModified);
      return value.facts as T;
    } catch (error) {
      const forwarded = new ForwardedError(
        `Could not read ${describeSource(source)}`,
        error,
      );
      this.health.failed(host, forwarded);
      const log =
        forwarded.name === 'TreeLimitError' ||
        forwarded.name === 'NotFoundError'
          ? 'debug'
          : 'warn';
      this.deps.logger[log](forwarded.message);
      throw forwarded;
    }
  }
}
