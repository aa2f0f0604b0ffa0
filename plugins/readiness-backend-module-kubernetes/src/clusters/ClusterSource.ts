import { KindKey } from '../facts/kinds';
import { ClusterInfo, ClusterSnapshot } from '../facts/snapshot';

/** A listing of one cluster with the requests it took. */
export interface ListedSnapshot {
  snapshot: ClusterSnapshot;
  /** LIST requests of this listing, in total and per kind (0 for manifests). */
  calls: { total: number; byKind: Partial<Record<KindKey, number>> };
  /** How far back this listing counts as observed, for the staging-digest record. */
  observedForMs: number;
}

/** Something that can produce a snapshot of a cluster: its API, or a manifests directory. */
export interface ClusterSource {
  readonly info: ClusterInfo;
  /** Lists the cluster; throws when it cannot be listed. */
  list(signal?: AbortSignal): Promise<ListedSnapshot>;
}
