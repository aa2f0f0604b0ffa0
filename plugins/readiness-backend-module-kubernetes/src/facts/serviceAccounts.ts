import { at, bool, obj, objs, str } from './json';
import { KubeObject, nameOf } from './objects';
import { SnapshotIndex } from './snapshot';
import { WorkloadFacts } from './types';
import { WorkloadSource } from './podTemplates';

const BROAD_ROLES = ['cluster-admin', 'admin', 'edit'];

/**
 * The ServiceAccounts a binding's subjects name, as index keys: with their
 * namespace, or `any namespace` when the subject gives none (it then means
 * the workload's own).
 */
function subjectKeys(binding: KubeObject): string[] {
  return objs(obj(binding).subjects)
    .filter(s => s.kind === 'ServiceAccount' && typeof s.name === 'string')
    .map(s => {
      const namespace = str(s.namespace);
      return namespace === undefined
        ? JSON.stringify(['any namespace', s.name])
        : JSON.stringify(['namespace', namespace, s.name]);
    });
}

/** ClusterRoleBindings with a subject that is the account in the namespace, in the snapshot's order. */
function clusterBindingsOf(
  index: SnapshotIndex,
  namespace: string,
  account: string,
): KubeObject[] {
  const keyed = (key: string) =>
    index.withKey('clusterRoleBindings', 'subjects', subjectKeys, key);
  return index.inSnapshotOrder('clusterRoleBindings', [
    ...keyed(JSON.stringify(['any namespace', account])),
    ...keyed(JSON.stringify(['namespace', namespace, account])),
  ]);
}

/** The pod's ServiceAccount, its token mounting and the roles bound to it. */
export function serviceAccountOf(
  source: WorkloadSource,
  index: SnapshotIndex,
): WorkloadFacts['serviceAccount'] {
  const spec = source.podSpec;
  const name = str(spec.serviceAccountName) ?? str(spec.serviceAccount) ?? null;
  const account = name ?? 'default';
  const podSetting = bool(spec.automountServiceAccountToken);
  let automountToken: boolean | null = podSetting ?? null;
  if (automountToken === null && index.has('serviceAccounts')) {
    const sa = index.named('serviceAccounts', source.namespace, account);
    automountToken = bool(sa?.automountServiceAccountToken) ?? true;
  }
  let bindings: WorkloadFacts['serviceAccount']['bindings'] = null;
  if (index.has('roleBindings') && index.has('clusterRoleBindings')) {
    const subjectMatches = (binding: unknown) =>
      objs(obj(binding).subjects).some(
        s =>
          s.kind === 'ServiceAccount' &&
          s.name === account &&
          (str(s.namespace) ?? source.namespace) === source.namespace,
      );
    const read = (kind: string, list: KubeObject[]) =>
      list.filter(subjectMatches).map(b => ({
        kind,
        name: nameOf(b),
        role: str(at(b, 'roleRef', 'name')) ?? '',
      }));
    bindings = [
      ...read(
        'RoleBinding',
        index.inNamespace('roleBindings', source.namespace),
      ),
      ...read(
        'ClusterRoleBinding',
        clusterBindingsOf(index, source.namespace, account),
      ),
    ];
  }
  return {
    name,
    automountToken,
    bindings,
    broadRole:
      bindings === null
        ? null
        : bindings.some(b => BROAD_ROLES.includes(b.role)),
  };
}
