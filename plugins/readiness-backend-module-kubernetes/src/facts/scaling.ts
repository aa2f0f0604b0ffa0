import { arr, at, isObj, num, obj, objs, str } from './json';
import { KubeObject, nameOf, namespaceOf } from './objects';
import { fromLabelSelector } from './selectors';
import { objectsSelecting } from './selectorIndex';
import { SnapshotIndex } from './snapshot';
import {
  AutoscalerFacts,
  ContainerFacts,
  PdbFacts,
  WorkloadFacts,
} from './types';
import { WorkloadSource } from './podTemplates';

/** Resolves an int-or-percent against a total; percentages round as `round` says. */
export function resolveIntOrPercent(
  value: unknown,
  total: number,
  round: (n: number) => number,
): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const percent = /^(\d+)%$/.exec(value.trim());
  if (percent) return round((Number(percent[1]) * total) / 100);
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

function targets(
  ref: unknown,
  source: WorkloadSource,
  defaultKind: string,
): boolean {
  const r = obj(ref);
  return (str(r.kind) ?? defaultKind) === source.kind && r.name === source.name;
}

/**
 * Objects of a kind in the workload's namespace whose reference at `path`
 * (`scaleTargetRef`, `targetRef`) names the workload, in the snapshot's
 * order; found by the referenced name, then checked with `targets`.
 */
function targeting(
  index: SnapshotIndex,
  kind: 'horizontalPodAutoscalers' | 'scaledObjects' | 'canaries',
  path: string,
  source: WorkloadSource,
  defaultKind: string,
): KubeObject[] {
  const referenced = (o: KubeObject) => {
    const name = at(o, 'spec', path, 'name');
    return typeof name === 'string'
      ? [JSON.stringify([namespaceOf(o), name])]
      : [];
  };
  return index
    .withKey(
      kind,
      `${path} name`,
      referenced,
      JSON.stringify([source.namespace, source.name]),
    )
    .filter(o => targets(at(o, 'spec', path), source, defaultKind));
}

/** HPAs and KEDA ScaledObjects whose `scaleTargetRef` names the workload. */
export function autoscalersOf(
  source: WorkloadSource,
  index: SnapshotIndex,
  containers: ContainerFacts[],
): AutoscalerFacts[] {
  const running = containers.filter(c => !c.init || c.sidecar);
  const requested = (resource: string) => {
    if (resource === 'cpu') {
      return running.every(c => c.resources.cpuRequest !== null);
    }
    if (resource === 'memory') {
      return running.every(c => c.resources.memoryRequest !== null);
    }
    return true;
  };
  const found: AutoscalerFacts[] = [];
  for (const hpa of targeting(
    index,
    'horizontalPodAutoscalers',
    'scaleTargetRef',
    source,
    '',
  )) {
    const spec = obj(hpa.spec);
    const metrics = objs(spec.metrics);
    const resourceMetrics = metrics
      .map(
        m =>
          str(at(m, 'resource', 'name')) ??
          str(at(m, 'containerResource', 'name')),
      )
      .filter((m): m is string => Boolean(m));
    found.push({
      kind: 'HorizontalPodAutoscaler',
      name: nameOf(hpa),
      minReplicas: num(spec.minReplicas) ?? 1,
      maxReplicas: num(spec.maxReplicas) ?? 0,
      metricCount: metrics.length,
      resourceMetrics,
      resourceRequestsPresent: resourceMetrics.every(requested),
    });
  }
  for (const so of targeting(
    index,
    'scaledObjects',
    'scaleTargetRef',
    source,
    'Deployment',
  )) {
    const spec = obj(so.spec);
    const triggers = objs(spec.triggers);
    const resourceMetrics = triggers
      .map(t => str(t.type))
      .filter((t): t is string => t === 'cpu' || t === 'memory');
    found.push({
      kind: 'ScaledObject',
      name: nameOf(so),
      minReplicas: num(spec.minReplicaCount) ?? 0,
      maxReplicas: num(spec.maxReplicaCount) ?? 100,
      metricCount: triggers.length,
      resourceMetrics,
      resourceRequestsPresent: resourceMetrics.every(requested),
    });
  }
  return found;
}

/** `spec.replicas` and the minimum the workload runs with. */
export function replicasOf(
  source: WorkloadSource,
  autoscalers: AutoscalerFacts[],
): Pick<WorkloadFacts, 'replicas' | 'minReplicas' | 'minReplicasSource'> {
  if (source.kind === 'DaemonSet') {
    return { replicas: null, minReplicas: null, minReplicasSource: null };
  }
  const replicas = num(at(source.object, 'spec', 'replicas')) ?? 1;
  const scaler =
    autoscalers.find(a => a.kind === 'ScaledObject') ??
    autoscalers.find(a => a.kind === 'HorizontalPodAutoscaler');
  return scaler
    ? {
        replicas,
        minReplicas: scaler.minReplicas,
        minReplicasSource: scaler.kind,
      }
    : { replicas, minReplicas: replicas, minReplicasSource: 'spec' };
}

/** PDBs in the namespace whose selector matches the pod template, with allowed disruptions. */
export function pdbsOf(
  source: WorkloadSource,
  index: SnapshotIndex,
  desired: number,
): PdbFacts[] {
  return objectsSelecting(
    index,
    'podDisruptionBudgets',
    'spec.selector',
    pdb => fromLabelSelector(at(pdb, 'spec', 'selector')),
    source.namespace,
    source.templateLabels,
  ).map(pdb => {
    const spec = obj(pdb.spec);
    const minAvailable = spec.minAvailable as number | string | undefined;
    const maxUnavailable = spec.maxUnavailable as number | string | undefined;
    let allowed: number;
    if (maxUnavailable !== undefined) {
      allowed = resolveIntOrPercent(maxUnavailable, desired, Math.ceil) ?? 0;
    } else if (minAvailable !== undefined) {
      allowed =
        desired -
        (resolveIntOrPercent(minAvailable, desired, Math.ceil) ?? desired);
    } else {
      allowed = 0;
    }
    return {
      name: nameOf(pdb),
      minAvailable: minAvailable ?? null,
      maxUnavailable: maxUnavailable ?? null,
      allowedDisruptions: Math.max(0, Math.min(allowed, desired)),
    };
  });
}

/** The update strategy, normalised. */
export function updateOf(
  source: WorkloadSource,
  replicas: number | null,
): WorkloadFacts['update'] {
  const spec = obj(source.object.spec);
  const revisionHistoryLimit = num(spec.revisionHistoryLimit) ?? 10;
  if (source.kind === 'Rollout') {
    const strategy = obj(spec.strategy);
    let name = 'unknown';
    if (isObj(strategy.blueGreen)) name = 'blueGreen';
    else if (isObj(strategy.canary)) name = 'canary';
    return {
      strategy: name,
      maxUnavailable: null,
      keepsCapacity: null,
      revisionHistoryLimit,
    };
  }
  if (source.kind === 'Deployment') {
    const strategy = obj(spec.strategy);
    const type = str(strategy.type) ?? 'RollingUpdate';
    const total = replicas ?? 1;
    const maxUnavailable =
      type === 'Recreate'
        ? total
        : resolveIntOrPercent(
            at(strategy, 'rollingUpdate', 'maxUnavailable') ?? '25%',
            total,
            Math.floor,
          ) ?? null;
    return {
      strategy: type,
      maxUnavailable,
      keepsCapacity: maxUnavailable === null ? null : maxUnavailable < total,
      revisionHistoryLimit,
    };
  }
  return {
    strategy: str(at(spec, 'updateStrategy', 'type')) ?? 'RollingUpdate',
    maxUnavailable: null,
    keepsCapacity: null,
    revisionHistoryLimit,
  };
}

/** Argo Rollouts analysis and Flagger Canaries targeting the workload. */
export function progressiveDeliveryOf(
  source: WorkloadSource,
  index: SnapshotIndex,
): WorkloadFacts['progressiveDelivery'] {
  const strategy = obj(at(source.object, 'spec', 'strategy'));
  let rolloutStrategy: 'canary' | 'blueGreen' | null = null;
  let analysis = false;
  if (source.kind === 'Rollout') {
    if (isObj(strategy.canary)) {
      rolloutStrategy = 'canary';
      analysis =
        isObj(strategy.canary.analysis) ||
        objs(strategy.canary.steps).some(s => isObj(s.analysis));
    } else if (isObj(strategy.blueGreen)) {
      rolloutStrategy = 'blueGreen';
      analysis =
        isObj(strategy.blueGreen.prePromotionAnalysis) ||
        isObj(strategy.blueGreen.postPromotionAnalysis);
    }
  }
  const canary = targeting(
    index,
    'canaries',
    'targetRef',
    source,
    'Deployment',
  ).find(c => arr(at(c, 'spec', 'analysis', 'metrics')).length > 0);
  const flaggerCanary = canary ? nameOf(canary) : null;
  return {
    rolloutStrategy,
    analysis,
    flaggerCanary,
    enabled: (rolloutStrategy !== null && analysis) || flaggerCanary !== null,
  };
}
