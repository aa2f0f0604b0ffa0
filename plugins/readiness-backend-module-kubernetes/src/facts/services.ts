import { at, num, obj, objs, str, strMap, unique } from './json';
import { describe, KubeObject, labelsOf, nameOf, namespaceOf } from './objects';
import { KindKey } from './kinds';
import { fromMapSelector, LabelRequirements, selects } from './selectors';
import { objectsSelecting } from './selectorIndex';
import { SnapshotIndex } from './snapshot';
import { ServiceFacts } from './types';
import { WORKLOAD_KINDS, WorkloadSource, workloadSource } from './podTemplates';

/** Services in the workload's namespace whose selector matches its pod template. */
export function servicesSelecting(
  source: WorkloadSource,
  index: SnapshotIndex,
): KubeObject[] {
  return objectsSelecting(
    index,
    'services',
    'spec.selector',
    s => fromMapSelector(at(s, 'spec', 'selector')),
    source.namespace,
    source.templateLabels,
  );
}

/**
 * Workloads of a kind in the namespace whose pod template labels the
 * selector selects, in the snapshot's order. Only the workloads carrying the
 * value of the selector's first label are tried.
 */
function workloadsSelectedBy(
  index: SnapshotIndex,
  key: KindKey,
  kind: WorkloadSource['kind'],
  namespace: string,
  selector: LabelRequirements,
): KubeObject[] {
  const [first] = selector;
  const templateKeys = (o: KubeObject) => {
    const source = workloadSource(o, kind, index);
    return Object.entries(source.templateLabels).map(([k, v]) =>
      JSON.stringify([source.namespace, k, v]),
    );
  };
  return index
    .withKey(
      key,
      'template labels',
      templateKeys,
      JSON.stringify([namespace, first.key, first.values[0]]),
    )
    .filter(o =>
      selects(selector, workloadSource(o, kind, index).templateLabels),
    );
}

/** The `targetPort`s of Services (defaulting to `port`). */
export function targetPorts(services: KubeObject[]): Array<string | number> {
  return services.flatMap(s =>
    objs(at(s, 'spec', 'ports')).map(
      p => (p.targetPort ?? p.port) as string | number,
    ),
  );
}

/** Ready endpoints of a Service across its EndpointSlices (`ready` unset counts as ready). */
export function readyEndpoints(
  service: KubeObject,
  index: SnapshotIndex,
): number {
  return index
    .withLabel(
      'endpointSlices',
      'kubernetes.io/service-name',
      nameOf(service),
      namespaceOf(service),
    )
    .flatMap(es => objs(es.endpoints))
    .filter(e => at(e, 'conditions', 'ready') !== false).length;
}

/**
 * Workloads and live pods in the Service's namespace that its selector
 * matches but that are not the entity's.
 */
function foreignSelected(
  service: KubeObject,
  index: SnapshotIndex,
  entityWorkloads: WorkloadSource[],
  live: boolean,
): string[] {
  const selector = fromMapSelector(at(service, 'spec', 'selector'));
  if (!selector) return [];
  const ns = namespaceOf(service);
  const own = new Set(entityWorkloads.map(w => w.object));
  const foreign: string[] = [];
  for (const { key, kind } of WORKLOAD_KINDS) {
    for (const o of workloadsSelectedBy(index, key, kind, ns, selector)) {
      if (!own.has(o)) foreign.push(describe({ ...o, kind }));
    }
  }
  if (live) {
    const ownSelectors = entityWorkloads.filter(w => w.namespace === ns);
    for (const pod of index.selected('pods', selector, ns)) {
      const labels = labelsOf(pod);
      if (ownSelectors.some(w => selects(w.selector, labels))) continue;
      foreign.push(describe({ ...pod, kind: 'Pod' }));
    }
  }
  return unique(foreign).slice(0, 20);
}

/** Facts of one Service of the entity. */
export function serviceFacts(
  service: KubeObject,
  index: SnapshotIndex,
  entityWorkloads: WorkloadSource[],
): ServiceFacts {
  const cluster = index.snapshot.cluster;
  const spec = obj(service.spec);
  const selector = strMap(spec.selector);
  const ns = namespaceOf(service);
  return {
    label: `Service ${ns}/${nameOf(service)} in ${cluster.name}`,
    name: nameOf(service),
    namespace: ns,
    cluster: cluster.name,
    environment: index.environmentOf(ns),
    type: str(spec.type) ?? 'ClusterIP',
    selector,
    selectorKeyCount: Object.keys(selector).length,
    foreignSelected: foreignSelected(
      service,
      index,
      entityWorkloads,
      cluster.live,
    ),
    readyEndpoints: cluster.live ? readyEndpoints(service, index) : null,
    ports: objs(spec.ports).map(p => ({
      name: str(p.name) ?? null,
      port: num(p.port) ?? 0,
      targetPort: (p.targetPort as string | number | undefined) ?? null,
    })),
  };
}
