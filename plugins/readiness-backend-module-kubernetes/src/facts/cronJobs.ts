import { at, bool, num, objs, str, unique } from './json';
import { conditionOf, KubeObject, nameOf, namespaceOf } from './objects';
import { SnapshotIndex } from './snapshot';
import { CronJobFacts } from './types';
import { maxCronIntervalSeconds } from './cron';

function interval(schedule: string): number | null {
  try {
    return maxCronIntervalSeconds(schedule);
  } catch {
    return null;
  }
}

/** The namespace and name of every CronJob among a Job's owners, as index keys. */
function cronJobOwnerKeys(job: KubeObject): string[] {
  return objs(at(job, 'metadata', 'ownerReferences'))
    .filter(ref => ref.kind === 'CronJob' && typeof ref.name === 'string')
    .map(ref => JSON.stringify([namespaceOf(job), ref.name]));
}

/** The most recent Job the CronJob created, from the Jobs' owner references. */
function lastJobOf(
  cronJob: KubeObject,
  index: SnapshotIndex,
): CronJobFacts['lastJob'] {
  const owned = index.withKey(
    'jobs',
    'cron job owners',
    cronJobOwnerKeys,
    JSON.stringify([namespaceOf(cronJob), nameOf(cronJob)]),
  );
  const jobs = unique(owned)
    .map(job => ({
      job,
      started:
        str(at(job, 'status', 'startTime')) ??
        str(at(job, 'metadata', 'creationTimestamp')) ??
        '',
    }))
    .sort((a, b) => Date.parse(b.started) - Date.parse(a.started));
  if (!jobs.length) return null;
  const { job } = jobs[0];
  const failed = conditionOf(job, 'Failed')?.status === 'True';
  const complete = conditionOf(job, 'Complete')?.status === 'True';
  let state: 'succeeded' | 'failed' | 'running' = 'running';
  if (failed) state = 'failed';
  else if (complete) state = 'succeeded';
  return { name: nameOf(job), state, startedAt: jobs[0].started || null };
}

/** Facts of one CronJob: guard rails from its spec, recency of success from its status. */
export function cronJobFacts(
  cronJob: KubeObject,
  index: SnapshotIndex,
  now: Date,
): CronJobFacts {
  const cluster = index.snapshot.cluster;
  const ns = namespaceOf(cronJob);
  const schedule = str(at(cronJob, 'spec', 'schedule')) ?? '';
  const scheduleIntervalSeconds = interval(schedule);
  const lastSuccessfulTime =
    str(at(cronJob, 'status', 'lastSuccessfulTime')) ?? null;
  let lastSuccessRecent: boolean | null = null;
  if (cluster.live && scheduleIntervalSeconds !== null) {
    const limit = 2 * scheduleIntervalSeconds * 1000;
    const reference =
      lastSuccessfulTime ?? str(at(cronJob, 'metadata', 'creationTimestamp'));
    lastSuccessRecent =
      reference !== undefined && now.getTime() - Date.parse(reference) <= limit;
  }
  return {
    label: `CronJob ${ns}/${nameOf(cronJob)} in ${cluster.name}`,
    name: nameOf(cronJob),
    namespace: ns,
    cluster: cluster.name,
    environment: index.environmentOf(ns),
    region: cluster.region ?? null,
    schedule,
    suspend: bool(at(cronJob, 'spec', 'suspend')) ?? false,
    concurrencyPolicy: str(at(cronJob, 'spec', 'concurrencyPolicy')) ?? 'Allow',
    activeDeadlineSeconds:
      num(
        at(cronJob, 'spec', 'jobTemplate', 'spec', 'activeDeadlineSeconds'),
      ) ?? null,
    scheduleIntervalSeconds,
    lastSuccessfulTime,
    lastSuccessRecent,
    lastJob: cluster.live ? lastJobOf(cronJob, index) : null,
  };
}
