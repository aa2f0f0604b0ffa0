import { digestOfImageId, parseImage } from './image';
import { arr, isObj, num, obj, objs, str, unique } from './json';
import { FactOptions, isSensitiveName } from './options';
import { preStopFacts, probeFacts } from './probes';
import { cpuMillicores, memoryBytes } from './quantity';
import {
  effectiveSecurityContext,
  PodSecurityFacts,
  restrictedProblems,
  runsAsNonRoot,
} from './securityContext';
import { ContainerFacts } from './types';
import { KubeObject } from './objects';

/** Where a pod spec comes from and what it runs next to. */
export interface PodSpecContext {
  cluster: string;
  environment: string;
  region: string | null;
  namespace: string;
  workloadKind: string;
  workloadName: string;
  fromCronJob: boolean;
  podSecurity: PodSecurityFacts;
  namespaceEnforcesRestricted: boolean | null;
  /** `targetPort`s of the Services that select these pods. */
  serviceTargetPorts: Array<string | number>;
  /** The live pods running this spec; undefined when not live. */
  pods?: KubeObject[];
}

function quantityText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function envSource(
  entry: Record<string, unknown>,
): ContainerFacts['env'][number]['source'] {
  if (entry.value !== undefined) return 'value';
  const from = obj(entry.valueFrom);
  if (isObj(from.secretKeyRef)) return 'secretKeyRef';
  if (isObj(from.configMapKeyRef)) return 'configMapKeyRef';
  if (isObj(from.fieldRef)) return 'fieldRef';
  if (isObj(from.resourceFieldRef)) return 'resourceFieldRef';
  return 'other';
}

function runningDigests(
  pods: KubeObject[] | undefined,
  name: string,
): string[] | null {
  if (!pods) return null;
  const digests: string[] = [];
  for (const pod of pods) {
    const status = obj(pod.status);
    for (const cs of [
      ...objs(status.containerStatuses),
      ...objs(status.initContainerStatuses),
    ]) {
      const digest = cs.name === name ? digestOfImageId(cs.imageID) : undefined;
      if (digest) digests.push(digest);
    }
  }
  return unique(digests);
}

/**
 * When the pods running this container started: the earliest pod
 * `startTime` (a container restart does not reset it), else the container's
 * `startedAt`.
 */
function runningSince(
  pods: KubeObject[] | undefined,
  name: string,
): string | null {
  if (!pods) return null;
  const times: string[] = [];
  for (const pod of pods) {
    const status = obj(pod.status);
    const cs = objs(status.containerStatuses).find(c => c.name === name);
    if (!cs || !isObj(obj(cs.state).running)) continue;
    const started =
      str(status.startTime) ?? str(obj(obj(cs.state).running).startedAt);
    if (started) times.push(started);
  }
  return times.length
    ? times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b))
    : null;
}

function isServing(
  ports: ContainerFacts['ports'],
  ctx: PodSpecContext,
  onlyContainer: boolean,
): boolean {
  if (ports.length > 0) return true;
  return onlyContainer && ctx.serviceTargetPorts.length > 0;
}

/** The facts of every container, init container and native sidecar of a pod spec. */
export function containerFacts(
  podSpec: unknown,
  ctx: PodSpecContext,
  options: FactOptions,
): ContainerFacts[] {
  const spec = obj(podSpec);
  const main = objs(spec.containers);
  const init = objs(spec.initContainers);
  const grace = num(spec.terminationGracePeriodSeconds) ?? 30;
  const all = [
    ...main.map(c => ({ c, isInit: false })),
    ...init.map(c => ({ c, isInit: true })),
  ];
  return all.map(({ c, isInit }) => {
    const name = str(c.name) ?? '?';
    const ports = objs(c.ports)
      .filter(p => num(p.containerPort) !== undefined)
      .map(p => ({
        name: str(p.name) ?? null,
        containerPort: num(p.containerPort)!,
      }));
    const targeted = ctx.serviceTargetPorts.some(t =>
      ports.some(
        p => p.containerPort === t || (p.name !== null && p.name === t),
      ),
    );
    const sidecar = isInit && c.restartPolicy === 'Always';
    const resources = obj(c.resources);
    const requests = obj(resources.requests);
    const limits = obj(resources.limits);
    const probes = {
      readiness: probeFacts(c.readinessProbe),
      liveness: probeFacts(c.livenessProbe),
      startup: probeFacts(c.startupProbe),
    };
    const securityContext = effectiveSecurityContext(spec, c);
    const problems = restrictedProblems(
      securityContext,
      ctx.podSecurity,
      ctx.namespaceEnforcesRestricted,
    );
    const env = objs(c.env).map(e => ({
      name: str(e.name) ?? '?',
      source: envSource(e),
    }));
    return {
      label: `container ${name} of ${ctx.workloadKind} ${ctx.namespace}/${ctx.workloadName} in ${ctx.cluster}`,
      name,
      cluster: ctx.cluster,
      environment: ctx.environment,
      region: ctx.region,
      namespace: ctx.namespace,
      workloadKind: ctx.workloadKind,
      workloadName: ctx.workloadName,
      fromCronJob: ctx.fromCronJob,
      init: isInit,
      sidecar,
      serving:
        (!isInit || sidecar) &&
        (targeted || isServing(ports, ctx, !isInit && main.length === 1)),
      ports,
      image: parseImage(str(c.image) ?? ''),
      resources: {
        cpuRequest: quantityText(requests.cpu),
        cpuLimit: quantityText(limits.cpu),
        memoryRequest: quantityText(requests.memory),
        memoryLimit: quantityText(limits.memory),
        cpuRequestMillicores: cpuMillicores(requests.cpu) ?? null,
        memoryRequestBytes: memoryBytes(requests.memory) ?? null,
        memoryLimitBytes: memoryBytes(limits.memory) ?? null,
      },
      probes,
      livenessDiffersFromReadiness: probes.liveness
        ? probes.liveness.target !== probes.readiness?.target
        : null,
      preStop: preStopFacts(c),
      terminationGracePeriodSeconds: grace,
      securityContext,
      runsAsNonRoot: runsAsNonRoot(securityContext),
      restrictedProfile: problems.length === 0,
      restrictedProblems: problems,
      env,
      inlineSecretEnv: env
        .filter(e => e.source === 'value' && isSensitiveName(e.name, options))
        .map(e => e.name),
      runningDigests: runningDigests(ctx.pods, name),
      runningSince: runningSince(ctx.pods, name),
      promotion: null,
    };
  });
}

/** Env var names set on any container of a pod spec, with literal values where given. */
export function envValues(podSpec: unknown): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  const spec = obj(podSpec);
  for (const c of [...objs(spec.containers), ...objs(spec.initContainers)]) {
    for (const e of arr(c.env).map(obj)) {
      const name = str(e.name);
      if (name) values.set(name, str(e.value));
    }
  }
  return values;
}
