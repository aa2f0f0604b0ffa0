import { readFile } from 'node:fs/promises';
import { ApiClusterConfig } from '../config';
import { KINDS, KindKey, KindSpec } from '../facts/kinds';
import { KubeObject, withoutBookkeeping } from '../facts/objects';
import { ClusterInfo, ClusterSnapshot } from '../facts/snapshot';
import { ClusterSource, ListedSnapshot } from './ClusterSource';
import { ClusterRequestError } from './errors';
import { KubernetesListClient } from './KubernetesListClient';

/** Runs tasks with at most `limit` in flight; the first failure rejects. */
async function inParallel<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker),
  );
}

/** ConfigMap values are never kept: only their keys matter (credential-like names). */
function withoutValues(o: KubeObject): KubeObject {
  const keysOnly = (value: unknown) =>
    value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).map(k => [k, '']))
      : undefined;
  return { ...o, data: keysOnly(o.data), binaryData: keysOnly(o.binaryData) };
}

/**
 * What is kept of a listed object: ConfigMaps without values, Nodes without
 * spec and status (facts read only their names and labels, and a Node's
 * status lists every image it holds), and no object with the bookkeeping
 * `withoutBookkeeping` drops.
 */
function kept(kind: KindKey, o: KubeObject): KubeObject {
  if (kind === 'configMaps') return withoutBookkeeping(withoutValues(o));
  if (kind === 'nodes') {
    return withoutBookkeeping({
      apiVersion: o.apiVersion,
      kind: o.kind,
      metadata: o.metadata,
    });
  }
  return withoutBookkeeping(o);
}

/** Reads the token for a cluster from config, an environment variable or a file. */
function tokenReader(
  config: ApiClusterConfig,
): () => Promise<string | undefined> {
  const { token, tokenEnv, tokenFile } = config.auth;
  return async () => {
    if (token) return token;
    if (tokenEnv) return process.env[tokenEnv]?.trim() || undefined;
    if (tokenFile) return (await readFile(tokenFile, 'utf8')).trim();
    return undefined;
  };
}

/**
 * A cluster read through its API: one paginated LIST per kind (per namespace
 * when the cluster is limited to namespaces). Required kinds must succeed;
 * 403 on optional core kinds and 404 on custom resources are recorded, not
 * failures.
 */
export class ApiClusterSource implements ClusterSource {
  readonly info: ClusterInfo;
  private readonly client: KubernetesListClient;

  constructor(
    private readonly config: ApiClusterConfig,
    private readonly options: { pageSize: number; concurrency: number },
  ) {
    this.info = {
      name: config.name,
      environment: config.environment,
      region: config.region,
      type: 'api',
      live: true,
      annotationScraping: config.annotationScraping,
      namespaceEnvironments: config.namespaceEnvironments,
      podSpecSource: config.podSpecSource,
    };
    this.client = new KubernetesListClient({
      name: config.name,
      url: config.url,
      token: tokenReader(config),
      caData: config.caData,
      caFile: config.caFile,
      skipTLSVerify: config.skipTLSVerify,
      timeoutMs: config.timeoutMs,
      pageSize: options.pageSize,
    });
  }

  async list(signal?: AbortSignal): Promise<ListedSnapshot> {
    const takenAt = new Date();
    const objects: Partial<Record<KindKey, KubeObject[]>> = {};
    const notInstalled = new Set<KindKey>();
    const unreadable = new Set<KindKey>(this.config.skipKinds);
    const byKind: Partial<Record<KindKey, number>> = {};
    const tasks: Array<{ kind: KindSpec; namespace?: string }> = [];
    for (const kind of KINDS) {
      if (unreadable.has(kind.key)) continue;
      const namespaces =
        kind.namespaced && this.config.namespaces
          ? this.config.namespaces
          : [undefined];
      for (const namespace of namespaces) tasks.push({ kind, namespace });
    }
    const failure = new AbortController();
    const combined = signal
      ? AbortSignal.any([signal, failure.signal])
      : failure.signal;
    await inParallel(
      tasks,
      this.options.concurrency,
      async ({ kind, namespace }) => {
        if (notInstalled.has(kind.key) || unreadable.has(kind.key)) return;
        try {
          const result = await this.client.list(kind, namespace, combined, o =>
            kept(kind.key, o),
          );
          byKind[kind.key] = (byKind[kind.key] ?? 0) + result.calls;
          // Per-namespace listings add up; a loop, as spreading a list of
          // 100,000s of items into push() overflows the stack.
          const list = (objects[kind.key] ??= []);
          for (const item of result.items) list.push(item);
        } catch (e) {
          byKind[kind.key] = (byKind[kind.key] ?? 0) + 1;
          const status =
            e instanceof ClusterRequestError ? e.status : undefined;
          if (kind.requirement === 'crd' && status === 404) {
            notInstalled.add(kind.key);
          } else if (kind.requirement === 'readable' && status === 403) {
            unreadable.add(kind.key);
          } else {
            failure.abort();
            throw e;
          }
        }
      },
    );
    const total = Object.values(byKind).reduce((a, b) => a + (b ?? 0), 0);
    const snapshot: ClusterSnapshot = {
      cluster: this.info,
      takenAt: takenAt.toISOString(),
      objects,
      notInstalled: [...notInstalled],
      unreadable: [...unreadable],
    };
    return { snapshot, calls: { total, byKind }, observedForMs: 0 };
  }
}
