import { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { at, isObj, str } from './json';
import { apiVersionOf, KINDS, KindKey, kindSpecFor } from './kinds';
import { KubeObject } from './objects';
import { factOptions, FactOptions } from './options';
import { ClusterInfo, ClusterSnapshot, SnapshotIndex } from './snapshot';
import { KubernetesFacts } from './types';
import { buildKubernetesFacts } from './buildFacts';

/**
 * Parses a YAML text with one or more documents into objects. Empty
 * documents are skipped; a syntax error or an alias bomb throws an Error
 * naming the source.
 *
 * @public
 */
export function parseManifests(text: string, source = 'manifest'): unknown[] {
  const objects: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      throw new Error(`${source}: ${doc.errors[0].message}`);
    }
    let value: unknown;
    try {
      // At most 100 alias expansions: a "billion laughs" document is refused.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      throw new Error(`${source}: ${(error as Error).message}`);
    }
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

/**
 * What a manifests cluster declares about itself.
 *
 * @public
 */
export interface ManifestClusterOptions {
  /** Default `manifests`. */
  name?: string;
  /** Default `production`. */
  environment?: string;
  region?: string;
  /** The manifests are a recorded live state with status and Pods. Default false. */
  live?: boolean;
  annotationScraping?: boolean;
  namespaceEnvironments?: Record<string, string>;
  podSpecSource?: 'template' | 'pods';
  /**
   * API groups (e.g. `monitoring.coreos.com`) or kind keys (e.g.
   * `serviceMonitors`) the cluster serves. Custom resource kinds count as
   * installed when listed here, defined by a CustomResourceDefinition in the
   * manifests, or present in them.
   */
  installed?: string[];
}

/** Flattens `List` objects (e.g. `kubectl get -o yaml` output) into their items. */
function flatten(objects: unknown[]): KubeObject[] {
  return objects.flatMap(o => {
    if (!isObj(o)) return [];
    if (
      typeof o.kind === 'string' &&
      o.kind.endsWith('List') &&
      Array.isArray(o.items)
    ) {
      return flatten(o.items);
    }
    return [o as KubeObject];
  });
}

/** The cluster info of a manifests cluster, with defaults. */
export function manifestClusterInfo(
  options: ManifestClusterOptions = {},
): ClusterInfo {
  return {
    name: options.name ?? 'manifests',
    environment: options.environment ?? 'production',
    region: options.region,
    type: 'manifests',
    live: options.live ?? false,
    annotationScraping: options.annotationScraping ?? false,
    namespaceEnvironments: options.namespaceEnvironments ?? {},
    podSpecSource: options.podSpecSource ?? 'template',
  };
}

/**
 * Turns manifests into a cluster snapshot: every kind the provider reads is
 * taken from the objects; core kinds always count as readable.
 *
 * @internal
 */
export function snapshotFromManifests(
  manifests: unknown[],
  options: ManifestClusterOptions = {},
  takenAt: Date = new Date(),
): ClusterSnapshot {
  const objects: Partial<Record<KindKey, KubeObject[]>> = {};
  const defined = new Set<string>();
  for (const o of flatten(manifests)) {
    if (o.kind === 'CustomResourceDefinition') {
      const group = str(at(o, 'spec', 'group'));
      const kind = str(at(o, 'spec', 'names', 'kind'));
      if (group && kind) defined.add(`${group}/${kind}`);
      continue;
    }
    const spec = kindSpecFor(o.apiVersion, o.kind);
    if (!spec) continue;
    (objects[spec.key] ??= []).push(o);
  }
  const installed = new Set(options.installed ?? []);
  const notInstalled = KINDS.filter(
    k =>
      k.requirement === 'crd' &&
      !objects[k.key]?.length &&
      !installed.has(k.group) &&
      !installed.has(k.key) &&
      !installed.has(apiVersionOf(k)) &&
      !defined.has(`${k.group}/${k.kind}`),
  ).map(k => k.key);
  return {
    cluster: manifestClusterInfo(options),
    takenAt: takenAt.toISOString(),
    objects,
    notInstalled,
    unreadable: [],
  };
}

/**
 * Computes the `kubernetes` facts of an entity from rendered manifests,
 * without a cluster: for `POST /evaluate`, the scaffolder action and CI.
 * Each entry of `clusters` is one cluster's manifests; by default they are one
 * production cluster that is not live, so checks that need live status
 * become unknown. Pure: reads no files and no network.
 *
 * @public
 */
export function kubernetesFactsFromManifests(request: {
  entity: Entity;
  clusters: Array<{ cluster?: ManifestClusterOptions; manifests: unknown[] }>;
  options?: Partial<FactOptions>;
}): KubernetesFacts {
  const options = factOptions(request.options);
  const views = request.clusters.map(c => {
    const snapshot = snapshotFromManifests(c.manifests, c.cluster, options.now);
    return {
      info: snapshot.cluster,
      index: new SnapshotIndex(snapshot),
      collectedAt: snapshot.takenAt,
    };
  });
  return buildKubernetesFacts(request.entity, views, options);
}
