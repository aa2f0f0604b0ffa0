import { at, bool, obj, objs, str } from './json';
import { KubeObject, nameOf } from './objects';
import { SnapshotIndex } from './snapshot';
import { WorkloadFacts } from './types';
import { WorkloadSource } from './podTemplates';

const BROAD_ROLES = ['cluster-admin', 'admin', 'edit'];

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
    const sa = index
      .inNamespace('serviceAccounts', source.namespace)
      .find(s => nameOf(s) === account);
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
      ...read('ClusterRoleBinding', index.all('clusterRoleBindings')),
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
