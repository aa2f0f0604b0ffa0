import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { KINDS } from './kinds';
import { KubeObject, namespaceOf } from './objects';
import { FactOptions } from './options';
import { ClusterInfo, SnapshotIndex } from './snapshot';
import {
  AlertRuleFacts,
  ClusterFacts,
  ContainerFacts,
  CronJobFacts,
  HttpRouteFacts,
  IngressFacts,
  KubernetesFacts,
  ServiceFacts,
  WorkloadFacts,
} from './types';
import { EntityMatcher, entityMatcher, matchedObjects } from './entitySelector';
import {
  cronJobPodSpec,
  WORKLOAD_KINDS,
  WorkloadSource,
  workloadSource,
} from './podTemplates';
import { buildWorkload, namespaceEnforcesRestricted } from './workloads';
import { containerFacts } from './containers';
import { podSecurityFacts } from './securityContext';
import { cronJobFacts } from './cronJobs';
import { serviceFacts } from './services';
import {
  httpRouteFacts,
  ingressFacts,
  ingressServiceKeys,
  routeServiceKeys,
} from './ingresses';
import { alertRulesOf, pagingAlertmanagerConfigsOf } from './monitoring';
import { addPromotion } from './promotion';
import { unique } from './json';

/**
 * One cluster as the fact builder sees it: listed (with an index over its
 * snapshot) or failed.
 *
 * @internal
 */
export interface ClusterView {
  info: ClusterInfo;
  /** Present when the cluster was listed. */
  index?: SnapshotIndex;
  /** Why the cluster could not be listed. */
  error?: string;
  /** When the listing was taken. */
  collectedAt?: string;
}

interface ClusterPart {
  workloads: WorkloadFacts[];
  containers: ContainerFacts[];
  cronJobs: CronJobFacts[];
  services: ServiceFacts[];
  ingresses: IngressFacts[];
  httpRoutes: HttpRouteFacts[];
  namespaces: Set<string>;
  names: string[];
}

/** True when the entity has any object of its own in the snapshot (used for the failure contract). */
export function hasMatchedObjects(
  matcher: EntityMatcher,
  index: SnapshotIndex,
): boolean {
  return KINDS.some(k => matchedObjects(matcher, index, k.key).length > 0);
}

function buildClusterPart(
  matcher: EntityMatcher,
  index: SnapshotIndex,
  options: FactOptions,
): ClusterPart {
  const cluster = index.snapshot.cluster;
  const sources: WorkloadSource[] = WORKLOAD_KINDS.flatMap(({ key, kind }) =>
    matchedObjects(matcher, index, key).map(o =>
      workloadSource(o, kind, index),
    ),
  );
  const built = sources.map(s => buildWorkload(s, index, options));
  const cronJobObjects = matchedObjects(matcher, index, 'cronJobs');
  const cronContainers = cronJobObjects.flatMap(cj => {
    const spec = cronJobPodSpec(cj);
    const ns = namespaceOf(cj);
    return containerFacts(
      spec,
      {
        cluster: cluster.name,
        environment: index.environmentOf(ns),
        region: cluster.region ?? null,
        namespace: ns,
        workloadKind: 'CronJob',
        workloadName: cj.metadata?.name ?? '',
        fromCronJob: true,
        podSecurity: podSecurityFacts(spec),
        namespaceEnforcesRestricted: namespaceEnforcesRestricted(index, ns),
        serviceTargetPorts: [],
      },
      options,
    );
  });
  const serviceObjects = unique<KubeObject>([
    ...matchedObjects(matcher, index, 'services'),
    ...built.flatMap(b => b.services),
  ]);
  const serviceNames = new Set(
    serviceObjects.map(s => `${namespaceOf(s)}/${s.metadata?.name}`),
  );
  // Labelled for the entity, or routing to one of its Services; both found
  // through indexes, so the cost does not grow with the cluster's size.
  const routed = (
    kind: 'ingresses' | 'httpRoutes',
    keysOf: (o: KubeObject) => string[],
  ) =>
    index.inSnapshotOrder(kind, [
      ...matchedObjects(matcher, index, kind),
      ...[...serviceNames].flatMap(name =>
        index.withKey(kind, 'services', keysOf, name),
      ),
    ]);
  const ingresses = routed('ingresses', ingressServiceKeys).map(i =>
    ingressFacts(i, index, options.now),
  );
  const httpRoutes = routed('httpRoutes', routeServiceKeys).map(r =>
    httpRouteFacts(r, index),
  );
  const namespaces = new Set([
    ...sources.map(s => s.namespace),
    ...cronJobObjects.map(namespaceOf),
  ]);
  return {
    workloads: built.map(b => b.facts),
    containers: [...built.flatMap(b => b.containers), ...cronContainers],
    cronJobs: cronJobObjects.map(cj => cronJobFacts(cj, index, options.now)),
    services: serviceObjects.map(s => serviceFacts(s, index, sources)),
    ingresses,
    httpRoutes,
    namespaces,
    names: [
      ...sources.map(s => s.name),
      ...cronJobObjects.map(cj => cj.metadata?.name ?? ''),
    ],
  };
}

function clusterFacts(
  view: ClusterView,
  part: ClusterPart | undefined,
): ClusterFacts {
  const { info, index } = view;
  const installed: Record<string, boolean> = {};
  const readable: Record<string, boolean> = {};
  for (const k of KINDS) {
    if (k.requirement === 'crd')
      installed[k.key] = index ? index.has(k.key) : false;
    if (k.requirement === 'readable')
      readable[k.key] = index ? index.has(k.key) : false;
  }
  const workloads = part?.workloads ?? [];
  return {
    name: info.name,
    environment: info.environment,
    region: info.region ?? null,
    type: info.type,
    live: info.live,
    status: index ? 'ok' : 'error',
    error: view.error ?? null,
    collectedAt: view.collectedAt ?? null,
    installed,
    readable,
    annotationScraping: info.annotationScraping,
    workloadCount: workloads.length,
    availableWorkloadCount:
      index && info.live
        ? workloads.filter(w => w.health?.available).length
        : null,
  };
}

function ownerName(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string') return undefined;
  try {
    const ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return ref.kind.toLocaleLowerCase('en-US') === 'group'
      ? ref.name
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the `kubernetes` facts of one entity from the clusters' listings.
 * Pure: no I/O, no clock other than `options.now`.
 *
 * @internal
 */
export function buildKubernetesFacts(
  entity: Entity,
  clusters: ClusterView[],
  options: FactOptions,
): KubernetesFacts {
  const matcher = entityMatcher(entity);
  const parts = clusters.map(view =>
    view.index ? buildClusterPart(matcher, view.index, options) : undefined,
  );
  const all = <T>(pick: (part: ClusterPart) => T[]): T[] =>
    parts.flatMap(p => (p ? pick(p) : []));
  const workloads = all(p => p.workloads);
  const containers = addPromotion(
    all(p => p.containers),
    options,
  );

  const production = clusters
    .map((view, i) => ({ view, part: parts[i] }))
    .filter(({ view }) => view.index && view.info.environment === 'production');
  const relevant = production.some(
    p => p.part && p.part.workloads.length + p.part.cronJobs.length > 0,
  )
    ? production.filter(
        p => p.part && p.part.workloads.length + p.part.cronJobs.length > 0,
      )
    : production;
  const owner = ownerName(entity);
  let alertRules: AlertRuleFacts[] | null = null;
  let paging: string[] | null = null;
  for (const { view, part } of relevant) {
    const index = view.index!;
    if (index.has('prometheusRules')) {
      alertRules = [
        ...(alertRules ?? []),
        ...alertRulesOf(
          index,
          matchedObjects(matcher, index, 'prometheusRules'),
          part!.namespaces,
          part!.names,
          owner,
          options,
        ),
      ];
    }
    if (index.has('alertmanagerConfigs')) {
      paging = [
        ...(paging ?? []),
        ...pagingAlertmanagerConfigsOf(index, part!.namespaces),
      ];
    }
  }
  const withWorkloads = clusters.filter(
    (v, i) => v.index && (parts[i]?.workloads.length ?? 0) > 0,
  );
  const httpRoutesKnown = withWorkloads.some(v => v.index!.has('httpRoutes'));

  const prodWorkloads = workloads.filter(w => w.environment === 'production');
  const liveProd = prodWorkloads.filter(w => w.health !== null);
  const staging = workloads.filter(w => w.environment === 'staging');
  const liveStaging = staging.filter(w => w.health !== null);
  return {
    selector: matcher.facts,
    clusters: clusters.map((view, i) => clusterFacts(view, parts[i])),
    workloads,
    cronJobs: all(p => p.cronJobs),
    containers,
    services: all(p => p.services),
    ingresses: all(p => p.ingresses),
    httpRoutes: httpRoutesKnown ? all(p => p.httpRoutes) : null,
    alertRules,
    pagingAlertmanagerConfigs: paging,
    summary: {
      discoverable:
        matcher.facts.annotated &&
        prodWorkloads.some(w =>
          ['Deployment', 'StatefulSet', 'Rollout'].includes(w.kind),
        ),
      productionWorkloads: prodWorkloads.length,
      productionClusters: unique(prodWorkloads.map(w => w.cluster)),
      productionRegions:
        liveProd.length === 0
          ? null
          : unique(
              liveProd
                .filter(w => w.health?.available && w.region)
                .map(w => w.region as string),
            ).sort(),
      // Unknown unless some cluster reports live state: rendered manifests
      // cannot tell whether the service runs in staging.
      stagingAvailableWorkloads:
        !clusters.some(view => view.info.live) ||
        (staging.length > 0 && liveStaging.length === 0)
          ? null
          : liveStaging.filter(w => w.health?.available).length,
      mountsPersistentVolumeClaims: workloads.some(
        w =>
          w.volumes.persistentVolumeClaims.length +
            w.volumes.claimTemplates.length >
          0,
      ),
    },
  };
}
