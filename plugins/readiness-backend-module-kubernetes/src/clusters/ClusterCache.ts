import { FactTargetStatus } from '@readiness/backstage-plugin-readiness-node';
import { SnapshotIndex } from '../facts/snapshot';
import { ClusterSource, ListedSnapshot } from './ClusterSource';

/** A successful listing with its index, kept for reuse and for the failure contract. */
export interface GoodListing {
  listed: ListedSnapshot;
  index: SnapshotIndex;
  at: number;
}

/** What one collect call learns about a cluster. */
export interface ClusterState {
  /** The latest successful listing, if any. */
  lastGood?: GoodListing;
  /** Set while the cluster is failing: the latest attempt failed. */
  error?: string;
}

/** Timing of the cache. */
export interface CacheTiming {
  ttlMs: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  now: () => number;
}

/**
 * Keeps one cluster's latest listing. A listing is reused for `ttlMs`, so
 * that the batches of one refresh share it; concurrent callers share one
 * listing in flight. After a failure the cluster is not asked again before
 * its backoff (doubling from `initialBackoffMs` up to `maxBackoffMs`) ends.
 */
export class ClusterCache {
  private lastGood?: GoodListing;
  private lastError?: { message: string; at: number; failures: number };
  private inflight?: Promise<void>;
  private lastCalls?: ListedSnapshot['calls'];

  constructor(
    readonly source: ClusterSource,
    private readonly timing: CacheTiming,
    private readonly hooks: {
      onListed?: (listed: ListedSnapshot) => void;
      onFailed?: (message: string, failures: number) => void;
    } = {},
  ) {}

  private failing(): boolean {
    return Boolean(
      this.lastError &&
        (!this.lastGood || this.lastError.at >= this.lastGood.at),
    );
  }

  private backoffOver(): boolean {
    if (!this.lastError) return true;
    const wait = Math.min(
      this.timing.maxBackoffMs,
      this.timing.initialBackoffMs * 2 ** (this.lastError.failures - 1),
    );
    return this.timing.now() >= this.lastError.at + wait;
  }

  private async refresh(signal?: AbortSignal): Promise<void> {
    try {
      const listed = await this.source.list(signal);
      this.lastGood = {
        listed,
        index: new SnapshotIndex(listed.snapshot),
        at: this.timing.now(),
      };
      this.lastCalls = listed.calls;
      this.lastError = undefined;
      this.hooks.onListed?.(listed);
    } catch (e) {
      this.lastError = {
        message: (e as Error).message,
        at: this.timing.now(),
        failures: (this.lastError?.failures ?? 0) + 1,
      };
      this.hooks.onFailed?.(this.lastError.message, this.lastError.failures);
    }
  }

  /** The cluster's state for one collect call, listing it when due. */
  async get(signal?: AbortSignal): Promise<ClusterState> {
    const now = this.timing.now();
    const fresh =
      this.lastGood &&
      !this.failing() &&
      now - this.lastGood.at < this.timing.ttlMs;
    if (!fresh && (!this.failing() || this.backoffOver())) {
      if (!this.inflight) {
        this.inflight = this.refresh(signal).finally(() => {
          this.inflight = undefined;
        });
      }
      await this.inflight;
    }
    return {
      lastGood: this.lastGood,
      error: this.failing() ? this.lastError?.message : undefined,
    };
  }

  /** Health of the cluster for `GET /api/readiness/status`. */
  status(): FactTargetStatus {
    const info = this.source.info;
    const snapshot = this.lastGood?.listed.snapshot;
    return {
      name: info.name,
      healthy: !this.failing() && Boolean(this.lastGood),
      lastSuccessAt: this.lastGood
        ? new Date(this.lastGood.at).toISOString()
        : undefined,
      lastError: this.failing() ? this.lastError?.message : undefined,
      details: {
        type: info.type,
        environment: info.environment,
        region: info.region ?? null,
        listed: Boolean(this.lastGood),
        consecutiveFailures: this.failing() ? this.lastError?.failures ?? 0 : 0,
        apiCallsOfLastListing: this.lastCalls?.total ?? null,
        apiCallsByKind: this.lastCalls?.byKind ?? null,
        objects: snapshot
          ? Object.values(snapshot.objects).reduce(
              (n, list) => n + (list?.length ?? 0),
              0,
            )
          : null,
        notInstalled: snapshot?.notInstalled ?? null,
        unreadable: snapshot?.unreadable ?? null,
      },
    };
  }
}
