import { arr, at, bool, str } from './json';
import { conditionOf, KubeObject, nameOf, namespaceOf } from './objects';
import { SnapshotIndex } from './snapshot';
import { WorkloadFacts } from './types';
import { maxCronIntervalSeconds } from './cron';

function recent(
  time: string | undefined,
  schedule: string | undefined,
  now: Date,
): boolean {
  if (!time || !schedule) return false;
  try {
    const limit = 2 * maxCronIntervalSeconds(schedule) * 1000;
    return now.getTime() - Date.parse(time) <= limit;
  } catch {
    return false;
  }
}

/**
 * The namespaces a Velero Schedule includes, as index keys: `all` (none
 * listed, or `*`) or the names it lists. Excluded namespaces are checked on
 * the candidates.
 */
function veleroIncludedKeys(schedule: KubeObject): string[] {
  const included = arr(at(schedule, 'spec', 'template', 'includedNamespaces'));
  if (included.length === 0 || included.includes('*')) return ['all'];
  return included
    .filter((n): n is string => typeof n === 'string')
    .map(n => `namespace ${n}`);
}

/** Velero Schedules that back up the namespace, in the snapshot's order. */
function veleroSchedulesCovering(
  index: SnapshotIndex,
  namespace: string,
): KubeObject[] {
  const keyed = (key: string) =>
    index.withKey('veleroSchedules', 'included', veleroIncludedKeys, key);
  return index
    .inSnapshotOrder('veleroSchedules', [
      ...keyed('all'),
      ...keyed(`namespace ${namespace}`),
    ])
    .filter(
      schedule =>
        !arr(at(schedule, 'spec', 'template', 'excludedNamespaces')).includes(
          namespace,
        ),
    );
}

/** Backup coverage of a workload's volumes by Velero Schedules or CloudNativePG backups. */
export function volumeBackupOf(
  namespace: string,
  required: boolean,
  index: SnapshotIndex,
  now: Date,
): WorkloadFacts['volumeBackup'] {
  const via: string[] = [];
  const live = index.snapshot.cluster.live;
  for (const schedule of veleroSchedulesCovering(index, namespace)) {
    if (bool(at(schedule, 'spec', 'paused'))) continue;
    const lastBackup = str(at(schedule, 'status', 'lastBackup'));
    if (
      live &&
      recent(lastBackup, str(at(schedule, 'spec', 'schedule')), now)
    ) {
      via.push(`velero Schedule ${namespaceOf(schedule)}/${nameOf(schedule)}`);
    }
  }
  for (const scheduled of index.inNamespace(
    'cnpgScheduledBackups',
    namespace,
  )) {
    const clusterName = str(at(scheduled, 'spec', 'cluster', 'name'));
    const done = index
      .inNamespace('cnpgBackups', namespace)
      .filter(b => at(b, 'spec', 'cluster', 'name') === clusterName)
      .filter(
        b =>
          at(b, 'status', 'phase') === 'completed' ||
          conditionOf(b, 'Completed')?.status === 'True',
      )
      .map(b => str(at(b, 'status', 'stoppedAt')))
      .filter((t): t is string => Boolean(t))
      .sort();
    if (
      live &&
      recent(done[done.length - 1], str(at(scheduled, 'spec', 'schedule')), now)
    ) {
      via.push(
        `CloudNativePG ScheduledBackup ${namespace}/${nameOf(scheduled)}`,
      );
    }
  }
  const anyCrd =
    index.has('veleroSchedules') || index.has('cnpgScheduledBackups');
  let covered: boolean | null = via.length > 0;
  if (!covered && (!anyCrd || !live)) covered = null;
  return { required, covered, via };
}
