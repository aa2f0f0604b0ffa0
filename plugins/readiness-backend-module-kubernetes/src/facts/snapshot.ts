import { KindKey } from './kinds';
import { unique } from './json';
import { KubeObject, labelsOf, nameOf, namespaceOf } from './objects';
import { LabelRequirements, selects } from './selectors';

/**
 * What the fact builder needs to know about a cluster.
 *
 * @internal
 */
export interface ClusterInfo {
  name: string;
  /** `production`, `staging`, ... */
  environment: string;
  region?: string;
  type: 'api' | 'manifests';
  /** Live status (Pods, object status) is available. */
  live: boolean;
  /** Prometheus scrapes pods by `prometheus.io/scrape` annotations. */
  annotationScraping: boolean;
  /** Environments of namespaces that differ from the cluster's, e.g. `{ "payments-staging": "staging" }`. */
  namespaceEnvironments: Record<string, string>;
  /** Where container rules read pod specs: workload templates (default) or live Pods. */
  podSpecSource: 'template' | 'pods';
}

/**
 * The objects of one cluster from one listing.
 *
 * @internal
 */
export interface ClusterSnapshot {
  cluster: ClusterInfo;
  /** ISO 8601 time of the listing. */
  takenAt: string;
  objects: Partial<Record<KindKey, KubeObject[]>>;
  /** Custom resource kinds the cluster does not serve (404). */
  notInstalled: KindKey[];
  /** Optional core kinds the provider may not list (403), or that were skipped. */
  unreadable: KindKey[];
}

/**
 * Per-snapshot lookup tables, built once (lazily) and shared by every entity
 * of a batch, so that finding one entity's objects costs what the entity
 * has, not what the cluster holds: objects by kind and namespace, by label
 * value, and by keys the caller derives (`withKey`).
 */
export class SnapshotIndex {
  private readonly byNamespace = new Map<KindKey, Map<string, KubeObject[]>>();
  private readonly byKey = new Map<string, Map<string, KubeObject[]>>();
  private readonly positions = new Map<KindKey, Map<KubeObject, number>>();

  constructor(readonly snapshot: ClusterSnapshot) {}

  /** Whether the kind could be read (installed and readable). */
  has(kind: KindKey): boolean {
    return (
      !this.snapshot.notInstalled.includes(kind) &&
      !this.snapshot.unreadable.includes(kind)
    );
  }

  /** All objects of a kind. */
  all(kind: KindKey): KubeObject[] {
    return this.snapshot.objects[kind] ?? [];
  }

  /** Objects of a kind in one namespace. */
  inNamespace(kind: KindKey, namespace: string): KubeObject[] {
    let map = this.byNamespace.get(kind);
    if (!map) {
      map = new Map();
      for (const o of this.all(kind)) {
        const ns = namespaceOf(o);
        const list = map.get(ns);
        if (list) list.push(o);
        else map.set(ns, [o]);
      }
      this.byNamespace.set(kind, map);
    }
    return map.get(namespace) ?? [];
  }

  /** The first object of a kind in the namespace with the name. */
  named(
    kind: KindKey,
    namespace: string,
    name: string,
  ): KubeObject | undefined {
    return this.withKey(
      kind,
      'namespaced name',
      o => [JSON.stringify([namespaceOf(o), nameOf(o)])],
      JSON.stringify([namespace, name]),
    )[0];
  }

  /**
   * Objects of a kind whose label `key` is `value`, in the snapshot's order;
   * only in `namespace` when it is given.
   */
  withLabel(
    kind: KindKey,
    key: string,
    value: string,
    namespace?: string,
  ): KubeObject[] {
    const valueOf = (o: KubeObject) => {
      const labels = labelsOf(o);
      return Object.prototype.hasOwnProperty.call(labels, key)
        ? labels[key]
        : undefined;
    };
    if (namespace === undefined) {
      return this.withKey(
        kind,
        `label ${key}`,
        o => {
          const v = valueOf(o);
          return v === undefined ? [] : [v];
        },
        value,
      );
    }
    return this.withKey(
      kind,
      `namespaced label ${key}`,
      o => {
        const v = valueOf(o);
        return v === undefined ? [] : [JSON.stringify([namespaceOf(o), v])];
      },
      JSON.stringify([namespace, value]),
    );
  }

  /**
   * Objects of a kind whose labels satisfy `requirements` (in `namespace`
   * when given), in the snapshot's order. When a requirement names the values
   * a label must have, only the objects carrying one of them are tried.
   */
  selected(
    kind: KindKey,
    requirements: LabelRequirements | undefined,
    namespace?: string,
  ): KubeObject[] {
    if (!requirements) return [];
    const narrowing = requirements.find(r => r.operator === 'In');
    let candidates: KubeObject[];
    if (narrowing) {
      const lists = unique(narrowing.values).map(v =>
        this.withLabel(kind, narrowing.key, v, namespace),
      );
      candidates =
        lists.length === 1
          ? lists[0]
          : this.inSnapshotOrder(kind, lists.flat());
    } else {
      candidates =
        namespace === undefined
          ? this.all(kind)
          : this.inNamespace(kind, namespace);
    }
    return candidates.filter(o => selects(requirements, labelsOf(o)));
  }

  /**
   * Objects of a kind listed under `key` by `keysOf` (for example the
   * `namespace/service` keys of the Services an Ingress routes to). The map
   * is built once per snapshot, kind and `indexName`, so that finding one
   * entity's objects does not scan the whole cluster.
   */
  withKey(
    kind: KindKey,
    indexName: string,
    keysOf: (o: KubeObject) => string[],
    key: string,
  ): KubeObject[] {
    const id = `${kind}/${indexName}`;
    let map = this.byKey.get(id);
    if (!map) {
      map = new Map();
      for (const o of this.all(kind)) {
        for (const k of keysOf(o)) {
          const list = map.get(k);
          if (list) list.push(o);
          else map.set(k, [o]);
        }
      }
      this.byKey.set(id, map);
    }
    return map.get(key) ?? [];
  }

  /** The given objects of a kind, without repeats, in the snapshot's order. */
  inSnapshotOrder(kind: KindKey, objects: Iterable<KubeObject>): KubeObject[] {
    let positions = this.positions.get(kind);
    if (!positions) {
      positions = new Map(this.all(kind).map((o, i) => [o, i]));
      this.positions.set(kind, positions);
    }
    const at = positions;
    return [...new Set(objects)].sort(
      (a, b) => (at.get(a) ?? 0) - (at.get(b) ?? 0),
    );
  }

  /** The environment of a namespace: from config, else the cluster's. */
  environmentOf(namespace: string): string {
    return (
      this.snapshot.cluster.namespaceEnvironments[namespace] ??
      this.snapshot.cluster.environment
    );
  }
}
