import { arr, bool, isObj, num, obj, str, unique } from './json';
import { ContainerFacts } from './types';

type SecurityContext = ContainerFacts['securityContext'];

/** The effective security context: container settings override pod settings. */
export function effectiveSecurityContext(
  podSpec: unknown,
  container: unknown,
): SecurityContext {
  const pod = obj(obj(podSpec).securityContext);
  const c = obj(obj(container).securityContext);
  const capabilities = obj(c.capabilities);
  const strings = (value: unknown) =>
    arr(value).filter((v): v is string => typeof v === 'string');
  const seccomp = isObj(c.seccompProfile)
    ? c.seccompProfile
    : pod.seccompProfile;
  return {
    runAsNonRoot: bool(c.runAsNonRoot) ?? bool(pod.runAsNonRoot) ?? null,
    runAsUser: num(c.runAsUser) ?? num(pod.runAsUser) ?? null,
    privileged: bool(c.privileged) ?? false,
    allowPrivilegeEscalation: bool(c.allowPrivilegeEscalation) ?? null,
    readOnlyRootFilesystem: bool(c.readOnlyRootFilesystem) ?? false,
    capabilitiesDrop: unique(
      strings(capabilities.drop).map(s => s.toUpperCase()),
    ),
    capabilitiesAdd: unique(
      strings(capabilities.add).map(s => s.toUpperCase()),
    ),
    seccompProfile: str(obj(seccomp).type) ?? null,
  };
}

/** `runAsNonRoot: true` or `runAsUser` >= 1, and not privileged. */
export function runsAsNonRoot(sc: SecurityContext): boolean {
  const nonRoot = sc.runAsNonRoot === true || (sc.runAsUser ?? 0) >= 1;
  return nonRoot && !sc.privileged;
}

/** Pod-level settings that the restricted profile forbids. */
export interface PodSecurityFacts {
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  hostPathVolumes: string[];
}

/** Reads host namespaces and hostPath volumes of a pod spec. */
export function podSecurityFacts(podSpec: unknown): PodSecurityFacts {
  const spec = obj(podSpec);
  return {
    hostNetwork: bool(spec.hostNetwork) ?? false,
    hostPID: bool(spec.hostPID) ?? false,
    hostIPC: bool(spec.hostIPC) ?? false,
    hostPathVolumes: arr(spec.volumes)
      .map(obj)
      .filter(v => isObj(v.hostPath))
      .map(v => str(v.name) ?? '?'),
  };
}

/**
 * Why a container misses the restricted Pod Security profile (read-only root
 * filesystem excluded); empty when it holds or the namespace enforces it.
 */
export function restrictedProblems(
  sc: SecurityContext,
  pod: PodSecurityFacts,
  namespaceEnforcesRestricted: boolean | null,
): string[] {
  if (namespaceEnforcesRestricted) return [];
  const problems: string[] = [];
  if (sc.allowPrivilegeEscalation !== false) {
    problems.push('allowPrivilegeEscalation is not false');
  }
  if (sc.privileged) problems.push('privileged');
  if (!sc.capabilitiesDrop.includes('ALL')) {
    problems.push('capabilities.drop does not contain ALL');
  }
  const extra = sc.capabilitiesAdd.filter(c => c !== 'NET_BIND_SERVICE');
  if (extra.length) problems.push(`adds capabilities ${extra.join(', ')}`);
  if (
    sc.seccompProfile !== 'RuntimeDefault' &&
    sc.seccompProfile !== 'Localhost'
  ) {
    problems.push('no RuntimeDefault or Localhost seccompProfile');
  }
  if (pod.hostNetwork) problems.push('hostNetwork');
  if (pod.hostPID) problems.push('hostPID');
  if (pod.hostIPC) problems.push('hostIPC');
  if (pod.hostPathVolumes.length) {
    problems.push(`hostPath volumes ${pod.hostPathVolumes.join(', ')}`);
  }
  return problems;
}
