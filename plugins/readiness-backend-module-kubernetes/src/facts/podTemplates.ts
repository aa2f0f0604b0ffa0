import { KindKey } from './kinds';
import { at, JsonObject, obj, str, strMap } from './json';
import { KubeObject, nameOf, namespaceOf } from './objects';
import { fromLabelSelector, LabelRequirements } from './selectors';
import { SnapshotIndex } from './snapshot';
import { WorkloadFacts } from './types';

/** The workload kinds, with the snapshot key they are listed under. */
export const WORKLOAD_KINDS: Array<{
  key: KindKey;
  kind: WorkloadFacts['kind'];
}> = [
  { key: 'deployments', kind: 'Deployment' },
  { key: 'statefulSets', kind: 'StatefulSet' },
  { key: 'daemonSets', kind: 'DaemonSet' },
  { key: 'rollouts', kind: 'Rollout' },
];

/** A workload with its pod template resolved. */
export interface WorkloadSource {
  object: KubeObject;
  kind: WorkloadFacts['kind'];
  name: string;
  namespace: string;
  template: JsonObject;
  podSpec: JsonObject;
  templateLabels: Record<string, string>;
  /** The workload's pod selector; undefined selects nothing. */
  selector: LabelRequirements | undefined;
}

/**
 * Resolves the pod template of a workload. An Argo Rollout may reference a
 * Deployment's template through `spec.workloadRef`.
 */
export function workloadSource(
  object: KubeObject,
  kind: WorkloadFacts['kind'],
  index: SnapshotIndex,
): WorkloadSource {
  const spec = obj(object.spec);
  let template = obj(spec.template);
  let selectorValue = spec.selector;
  const refName = str(obj(spec.workloadRef).name);
  if (kind === 'Rollout' && refName) {
    const target = index.named('deployments', namespaceOf(object), refName);
    if (target) {
      template = obj(at(target, 'spec', 'template'));
      selectorValue = selectorValue ?? at(target, 'spec', 'selector');
    }
  }
  const templateLabels = strMap(at(template, 'metadata', 'labels'));
  return {
    object,
    kind,
    name: nameOf(object),
    namespace: namespaceOf(object),
    template,
    podSpec: obj(template.spec),
    templateLabels,
    selector: fromLabelSelector(selectorValue) ?? undefined,
  };
}

/** The pod spec of a CronJob's job template. */
export function cronJobPodSpec(cronJob: KubeObject): JsonObject {
  return obj(at(cronJob, 'spec', 'jobTemplate', 'spec', 'template', 'spec'));
}

/** Live pods of a workload (its selector in its namespace), excluding finished pods. */
export function podsOf(
  source: WorkloadSource,
  index: SnapshotIndex,
): KubeObject[] {
  return index
    .selected('pods', source.selector, source.namespace)
    .filter(pod => {
      const phase = str(at(pod, 'status', 'phase'));
      return phase !== 'Succeeded' && phase !== 'Failed';
    });
}
