import { at, isObj, obj, objs, str, strMap, unique } from './json';
import { KubeObject, keptAnnotations, labelsOf, nameOf } from './objects';
import { FactOptions } from './options';
import { SnapshotIndex } from './snapshot';
import { ContainerFacts, WorkloadFacts } from './types';
import { podsOf, WorkloadSource } from './podTemplates';
import { containerFacts } from './containers';
import { podSecurityFacts } from './securityContext';
import {
  autoscalersOf,
  pdbsOf,
  progressiveDeliveryOf,
  replicasOf,
  updateOf,
} from './scaling';
import { readyEndpoints, servicesSelecting, targetPorts } from './services';
import { networkPoliciesOf } from './networkPolicies';
import { scrapingOf, tracingOf } from './monitoring';
import { serviceAccountOf } from './serviceAccounts';
import { healthOf } from './health';
import { volumeBackupOf } from './backups';
import { isSensitiveName } from './options';

const ZONE_LABELS = [
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/zone',
];
const ZONE = 'topology.kubernetes.io/zone';
const GITOPS_ANNOTATIONS = ['argocd.argoproj.io/tracking-id'];
const GITOPS_LABELS = [
  'kustomize.toolkit.fluxcd.io/name',
  'helm.toolkit.fluxcd.io/name',
];

/** A workload's facts and the pieces that entity-wide facts are built from. */
export interface BuiltWorkload {
  facts: WorkloadFacts;
  containers: ContainerFacts[];
  services: KubeObject[];
}

/** Whether the namespace enforces the restricted profile; null when Namespaces cannot be read. */
export function namespaceEnforcesRestricted(
  index: SnapshotIndex,
  namespace: string,
): boolean | null {
  if (!index.has('namespaces')) return null;
  const [ns] = index.withKey('namespaces', 'name', n => [nameOf(n)], namespace);
  return (
    labelsOf(ns ?? {})['pod-security.kubernetes.io/enforce'] === 'restricted'
  );
}

function zoneSpreadOf(
  source: WorkloadSource,
  pods: KubeObject[] | undefined,
  index: SnapshotIndex,
): WorkloadFacts['zoneSpread'] {
  const spec = source.podSpec;
  const antiAffinity = obj(at(spec, 'affinity', 'podAntiAffinity'));
  const templateSpreadsZones =
    objs(spec.topologySpreadConstraints).some(t => t.topologyKey === ZONE) ||
    objs(antiAffinity.preferredDuringSchedulingIgnoredDuringExecution).some(
      p => at(p, 'podAffinityTerm', 'topologyKey') === ZONE,
    );
  const requiredHostnameAntiAffinity = objs(
    antiAffinity.requiredDuringSchedulingIgnoredDuringExecution,
  ).some(t => t.topologyKey === 'kubernetes.io/hostname');
  let podZones: string[] | null = null;
  if (pods && index.has('nodes')) {
    // Of Nodes listed twice under one name, the last one counts.
    const nodeLabels = (name: string) => {
      const nodes = index.withKey('nodes', 'name', n => [nameOf(n)], name);
      return nodes.length ? labelsOf(nodes[nodes.length - 1]) : undefined;
    };
    podZones = unique(
      pods
        .map(p => nodeLabels(str(at(p, 'spec', 'nodeName')) ?? ''))
        .map(labels => ZONE_LABELS.map(k => labels?.[k]).find(Boolean))
        .filter((z): z is string => Boolean(z)),
    ).sort();
  }
  return { templateSpreadsZones, requiredHostnameAntiAffinity, podZones };
}

function volumesOf(source: WorkloadSource): WorkloadFacts['volumes'] {
  const volumes = objs(source.podSpec.volumes);
  return {
    persistentVolumeClaims: volumes
      .map(v => str(at(v, 'persistentVolumeClaim', 'claimName')))
      .filter((n): n is string => Boolean(n)),
    hostPaths: volumes
      .map(v => str(at(v, 'hostPath', 'path')))
      .filter((p): p is string => Boolean(p)),
    claimTemplates:
      source.kind === 'StatefulSet'
        ? objs(at(source.object, 'spec', 'volumeClaimTemplates')).map(t =>
            nameOf(t),
          )
        : [],
  };
}

function configMapsOf(
  source: WorkloadSource,
  index: SnapshotIndex,
  options: FactOptions,
): WorkloadFacts['configMaps'] {
  const spec = source.podSpec;
  const names: Array<string | undefined> = [];
  for (const c of [...objs(spec.containers), ...objs(spec.initContainers)]) {
    for (const e of objs(c.envFrom))
      names.push(str(at(e, 'configMapRef', 'name')));
    for (const e of objs(c.env))
      names.push(str(at(e, 'valueFrom', 'configMapKeyRef', 'name')));
  }
  for (const v of objs(spec.volumes)) {
    names.push(str(at(v, 'configMap', 'name')));
    for (const s of objs(at(v, 'projected', 'sources')))
      names.push(str(at(s, 'configMap', 'name')));
  }
  const referenced = unique(names.filter((n): n is string => Boolean(n)));
  if (!index.has('configMaps'))
    return { names: referenced, sensitiveKeys: null };
  const sensitiveKeys = referenced.flatMap(name => {
    const cm = index.named('configMaps', source.namespace, name);
    const keys = [
      ...Object.keys(obj(cm?.data)),
      ...Object.keys(obj(cm?.binaryData)),
    ];
    return keys
      .filter(k => isSensitiveName(k, options))
      .map(k => `${name}/${k}`);
  });
  return { names: referenced, sensitiveKeys };
}

function gitOpsMarkerOf(source: WorkloadSource): string | null {
  const annotations = strMap(at(source.object, 'metadata', 'annotations'));
  const labels = labelsOf(source.object);
  return (
    GITOPS_ANNOTATIONS.find(k => annotations[k] !== undefined) ??
    GITOPS_LABELS.find(k => labels[k] !== undefined) ??
    null
  );
}

/** Builds the facts of one workload in one cluster. */
export function buildWorkload(
  source: WorkloadSource,
  index: SnapshotIndex,
  options: FactOptions,
): BuiltWorkload {
  const cluster = index.snapshot.cluster;
  const environment = index.environmentOf(source.namespace);
  const pods = cluster.live ? podsOf(source, index) : undefined;
  const services = servicesSelecting(source, index);
  const podSpec =
    cluster.podSpecSource === 'pods' && pods?.length && isObj(pods[0].spec)
      ? pods[0].spec
      : source.podSpec;
  const podSecurity = podSecurityFacts(podSpec);
  const nsRestricted = namespaceEnforcesRestricted(index, source.namespace);
  const containers = containerFacts(
    podSpec,
    {
      cluster: cluster.name,
      environment,
      region: cluster.region ?? null,
      namespace: source.namespace,
      workloadKind: source.kind,
      workloadName: source.name,
      fromCronJob: false,
      podSecurity,
      namespaceEnforcesRestricted: nsRestricted,
      serviceTargetPorts: targetPorts(services),
      pods,
    },
    options,
  );
  const autoscalers = autoscalersOf(source, index, containers);
  const replicas = replicasOf(source, autoscalers);
  const volumes = volumesOf(source);
  const servicesWithoutReadyEndpoints = services
    .filter(s => readyEndpoints(s, index) === 0)
    .map(nameOf);
  const facts: WorkloadFacts = {
    label: `${source.kind} ${source.namespace}/${source.name} in ${cluster.name}`,
    kind: source.kind,
    apiVersion: source.object.apiVersion ?? '',
    name: source.name,
    namespace: source.namespace,
    cluster: cluster.name,
    environment,
    region: cluster.region ?? null,
    labels: labelsOf(source.object),
    annotations: keptAnnotations(at(source.object, 'metadata', 'annotations')),
    templateLabels: source.templateLabels,
    templateAnnotations: keptAnnotations(
      at(source.template, 'metadata', 'annotations'),
    ),
    ...replicas,
    update: updateOf(source, replicas.replicas),
    health: pods
      ? healthOf(source, pods, servicesWithoutReadyEndpoints, options.now)
      : null,
    pods: pods
      ? {
          count: pods.length,
          ready: pods.filter(p =>
            objs(at(p, 'status', 'conditions')).some(
              c => c.type === 'Ready' && c.status === 'True',
            ),
          ).length,
        }
      : null,
    autoscalers,
    pdbs:
      source.kind === 'DaemonSet'
        ? []
        : pdbsOf(source, index, replicas.minReplicas ?? 1),
    services: services.map(nameOf),
    networkPolicies: networkPoliciesOf(source, index),
    scraping: scrapingOf(source, services, index),
    tracing: tracingOf(source, options),
    zoneSpread: zoneSpreadOf(source, pods, index),
    volumes,
    serviceAccount: serviceAccountOf(source, index),
    podSecurity: { ...podSecurity, namespaceEnforcesRestricted: nsRestricted },
    gitOpsMarker: gitOpsMarkerOf(source),
    progressiveDelivery: progressiveDeliveryOf(source, index),
    volumeBackup: volumeBackupOf(
      source.namespace,
      volumes.persistentVolumeClaims.length + volumes.claimTemplates.length > 0,
      index,
      options.now,
    ),
    configMaps: configMapsOf(source, index, options),
  };
  return { facts, containers, services };
}
