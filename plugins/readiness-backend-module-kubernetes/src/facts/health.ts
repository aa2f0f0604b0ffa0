import { at, num, obj, objs, str } from './json';
import { conditionOf, KubeObject, nameOf } from './objects';
import { WorkloadHealthFacts } from './types';
import { WorkloadSource } from './podTemplates';

const BAD_WAITING = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
];
const OOM_WINDOW_MS = 24 * 3_600_000;

interface Counts {
  desired: number;
  available: number;
}

function counts(source: WorkloadSource): Counts {
  const status = obj(source.object.status);
  const specReplicas = num(at(source.object, 'spec', 'replicas')) ?? 1;
  switch (source.kind) {
    case 'StatefulSet':
      return {
        desired: specReplicas,
        available: num(status.readyReplicas) ?? 0,
      };
    case 'DaemonSet':
      return {
        desired: num(status.desiredNumberScheduled) ?? 0,
        available: num(status.numberAvailable) ?? 0,
      };
    default:
      return {
        desired: specReplicas,
        available: num(status.availableReplicas) ?? 0,
      };
  }
}

function rolloutState(source: WorkloadSource): {
  inProgress: boolean;
  failed: boolean;
} {
  const progressing = conditionOf(source.object, 'Progressing');
  const phase = str(at(source.object, 'status', 'phase'));
  const failed = progressing?.status === 'False' || phase === 'Degraded';
  const inProgress =
    !failed &&
    ((progressing?.status === 'True' &&
      progressing.reason !== 'NewReplicaSetAvailable' &&
      progressing.reason !== 'RolloutCompleted') ||
      phase === 'Progressing');
  return { inProgress, failed };
}

function isAvailable(source: WorkloadSource, c: Counts): boolean {
  const condition = conditionOf(source.object, 'Available');
  if (
    condition &&
    (source.kind === 'Deployment' || source.kind === 'Rollout')
  ) {
    return condition.status === 'True';
  }
  return c.available > 0 || c.desired === 0;
}

/** Live health of a workload from its status, its pods and its Services' endpoints. */
export function healthOf(
  source: WorkloadSource,
  pods: KubeObject[],
  servicesWithoutReadyEndpoints: string[],
  now: Date,
): WorkloadHealthFacts {
  const c = counts(source);
  const { inProgress, failed } = rolloutState(source);
  const available = isAvailable(source, c);
  const replicasMatch = inProgress ? null : c.available >= c.desired;
  const crashLooping: WorkloadHealthFacts['crashLooping'] = [];
  const recentOomKills: WorkloadHealthFacts['recentOomKills'] = [];
  for (const pod of pods) {
    const status = obj(pod.status);
    for (const cs of [
      ...objs(status.initContainerStatuses),
      ...objs(status.containerStatuses),
    ]) {
      const name = `${nameOf(pod)}/${str(cs.name) ?? '?'}`;
      const waiting = str(at(cs, 'state', 'waiting', 'reason'));
      if (waiting && BAD_WAITING.includes(waiting))
        crashLooping.push({ name, reason: waiting });
      for (const terminated of [
        at(cs, 'lastState', 'terminated'),
        at(cs, 'state', 'terminated'),
      ]) {
        const finishedAt = str(obj(terminated).finishedAt);
        if (obj(terminated).reason !== 'OOMKilled' || !finishedAt) continue;
        if (now.getTime() - Date.parse(finishedAt) <= OOM_WINDOW_MS) {
          recentOomKills.push({ name, finishedAt });
        }
      }
    }
  }
  const problems: string[] = [];
  if (!available) problems.push('not available');
  if (failed) problems.push('the last rollout failed');
  if (replicasMatch === false)
    problems.push(`${c.available} of ${c.desired} replicas available`);
  for (const p of crashLooping)
    problems.push(`${p.name} is waiting with ${p.reason}`);
  for (const p of recentOomKills)
    problems.push(`${p.name} was OOMKilled at ${p.finishedAt}`);
  for (const s of servicesWithoutReadyEndpoints)
    problems.push(`Service ${s} has no ready endpoint`);
  return {
    healthy: problems.length === 0,
    problems,
    available,
    rolloutInProgress: inProgress,
    rolloutFailed: failed,
    desiredReplicas: c.desired,
    availableReplicas: c.available,
    replicasMatch,
    crashLooping,
    recentOomKills,
    servicesWithoutReadyEndpoints,
  };
}
