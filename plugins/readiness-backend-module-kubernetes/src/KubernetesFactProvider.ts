import { kubernetesContentFacts } from './contentFacts';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CollectedFacts,
  eventLoopSlices,
  FactProvider,
  FactTargetStatus,
  EvaluationContent,
} from '@readiness/backstage-plugin-readiness-node';
import { KubernetesModuleConfig } from './config';
import {
  buildKubernetesFacts,
  ClusterView,
  hasMatchedObjects,
} from './facts/buildFacts';
import { entityMatcher } from './facts/entitySelector';
import { factOptions } from './facts/options';
import { ApiClusterSource } from './clusters/ApiClusterSource';
import { ClusterCache, ClusterState } from './clusters/ClusterCache';
import { ClusterSource } from './clusters/ClusterSource';
import { DigestRecord } from './clusters/DigestRecord';
import { ManifestsClusterSource } from './clusters/ManifestsClusterSource';

/**
 * Options of {@link KubernetesFactProvider}.
 *
 * @internal
 */
export interface KubernetesFactProviderOptions {
  config: KubernetesModuleConfig;
  logger: LoggerService;
  /** Directory that manifests cluster paths are relative to; default the working directory. */
  workingDirectory?: string;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Facts about an entity's workloads in the configured Kubernetes clusters and
 * manifest directories. Each collect call lists every cluster at most once
 * (listings are shared for `cacheTtl`), indexes the objects and builds the
 * facts of each entity of the batch in memory.
 *
 * When a cluster cannot be listed, the entities that had objects there at its
 * last successful listing (every annotated entity, if it never succeeded) get
 * an error naming the cluster, so the backend keeps their previous facts;
 * other entities get facts in which the cluster shows `status: error`.
 *
 * @internal
 */
export class KubernetesFactProvider implements FactProvider {
  readonly id = 'kubernetes';
  private readonly caches: ClusterCache[];
  private readonly digests: DigestRecord;
  private readonly now: () => number;

  /** Facts from posted manifests, as one production cluster, for stateless evaluation. */
  factsFromContent(
    content: EvaluationContent,
  ): Record<string, unknown> | undefined {
    return kubernetesContentFacts.factsFromContent(content);
  }

  constructor(private readonly options: KubernetesFactProviderOptions) {
    const { config } = options;
    this.now = options.now ?? Date.now;
    this.digests = new DigestRecord(this.now);
    const timing = {
      ttlMs: config.cacheTtlMs,
      initialBackoffMs: config.initialBackoffMs,
      maxBackoffMs: config.maxBackoffMs,
      now: this.now,
    };
    this.caches = config.clusters.map(cluster => {
      const source: ClusterSource =
        cluster.type === 'manifests'
          ? new ManifestsClusterSource(cluster, options.workingDirectory)
          : new ApiClusterSource(cluster, config);
      return new ClusterCache(source, timing, {
        onListed: listed => this.digests.observe(listed),
        onFailed: (message, failures) =>
          options.logger.warn(
            `Kubernetes cluster ${cluster.name} could not be listed (${failures} in a row): ${message}`,
          ),
      });
    });
  }

  async collect(request: {
    entities: Entity[];
    signal?: AbortSignal;
  }): Promise<Map<string, CollectedFacts>> {
    const states = await Promise.all(
      this.caches.map(c => c.get(request.signal)),
    );
    const views: ClusterView[] = states.map((state, i) =>
      viewOf(this.caches[i], state),
    );
    const options = factOptions({
      now: new Date(this.now()),
      alertRoutingLabel: this.options.config.alertRoutingLabel,
      secretNameAllowList: this.options.config.secretNameAllowList,
      tracingEnvVars: this.options.config.tracingEnvVars,
      promotion: this.digests,
    });
    const results = new Map<string, CollectedFacts>();
    const breathe = eventLoopSlices();
    for (const entity of request.entities) {
      await breathe();
      const ref = stringifyEntityRef(entity);
      const failures = this.failuresAffecting(entity, states);
      if (failures.length > 0) {
        results.set(ref, { status: 'error', error: failures.join('; ') });
        continue;
      }
      const facts = buildKubernetesFacts(entity, views, options);
      results.set(ref, { status: 'ok', data: { ...facts } });
    }
    return results;
  }

  /** Failing clusters where the entity had objects (or may have, when never listed). */
  private failuresAffecting(entity: Entity, states: ClusterState[]): string[] {
    const matcher = entityMatcher(entity);
    if (!matcher.requirements) return [];
    if (states.length === 0) {
      return [
        'no Kubernetes cluster is configured (readiness.kubernetes.clusters)',
      ];
    }
    return states.flatMap((state, i) => {
      if (!state.error) return [];
      const had = state.lastGood
        ? hasMatchedObjects(matcher, state.lastGood.index)
        : true;
      return had
        ? [`cluster ${this.caches[i].source.info.name}: ${state.error}`]
        : [];
    });
  }

  async status(): Promise<FactTargetStatus[]> {
    return this.caches.map(c => c.status());
  }
}

function viewOf(cache: ClusterCache, state: ClusterState): ClusterView {
  const info = cache.source.info;
  if (state.error || !state.lastGood) {
    return {
      info,
      error: state.error ?? 'not listed yet',
      collectedAt: state.lastGood?.listed.snapshot.takenAt,
    };
  }
  return {
    info,
    index: state.lastGood.index,
    collectedAt: state.lastGood.listed.snapshot.takenAt,
  };
}
