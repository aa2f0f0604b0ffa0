import { arr, at, isObj, obj, str } from './json';
import { nameOf } from './objects';
import { fromLabelSelector, selects } from './selectors';
import { objectsSelecting } from './selectorIndex';
import { SnapshotIndex } from './snapshot';
import { NetworkPolicyFacts } from './types';
import { WorkloadSource } from './podTemplates';

function types(value: unknown): string[] {
  return arr(value).filter((v): v is string => typeof v === 'string');
}

/**
 * Evaluates the subset of Calico's selector language that policies use for
 * pods: `all()`, `k == 'v'`, `k != 'v'`, `has(k)`, `!has(k)`,
 * `k in {'a','b'}`, `k not in {...}`, joined by `&&`. Anything else (`||`,
 * parentheses) does not match, so such a policy is not credited.
 */
export function calicoSelects(
  selector: string | undefined,
  labels: Record<string, string>,
): boolean {
  const text = (selector ?? '').trim();
  if (!text || text === 'all()') return true;
  const bare = text.replace(/has\([^)]*\)|all\(\)/g, '');
  if (bare.includes('||') || bare.includes('(')) return false;
  return text.split('&&').every(raw => {
    const part = raw.trim();
    if (part === 'all()') return true;
    const has = /^(!?)has\(\s*([^)\s]+)\s*\)$/.exec(part);
    if (has) {
      const present = Object.prototype.hasOwnProperty.call(labels, has[2]);
      return has[1] ? !present : present;
    }
    const equality = /^([^\s=!]+)\s*(==|!=)\s*['"]([^'"]*)['"]$/.exec(part);
    if (equality) {
      const same = labels[equality[1]] === equality[3];
      return equality[2] === '==' ? same : !same;
    }
    const set = /^([^\s]+)\s+(not\s+)?in\s*\{([^}]*)\}$/.exec(part);
    if (set) {
      const values = set[3]
        .split(',')
        .map(v => v.trim().replace(/^['"]|['"]$/g, ''));
      const inSet =
        labels[set[1]] !== undefined && values.includes(labels[set[1]]);
      return set[2] ? !inSet : inSet;
    }
    return false;
  });
}

/** Network policies (core, Cilium, Calico) in the namespace that select the workload's pods. */
export function networkPoliciesOf(
  source: WorkloadSource,
  index: SnapshotIndex,
): NetworkPolicyFacts[] {
  const found: NetworkPolicyFacts[] = [];
  const policies = objectsSelecting(
    index,
    'networkPolicies',
    'spec.podSelector',
    np => fromLabelSelector(obj(np.spec).podSelector ?? {}),
    source.namespace,
    source.templateLabels,
  );
  for (const np of policies) {
    const spec = obj(np.spec);
    const declared = types(spec.policyTypes);
    const egress = declared.length
      ? declared.includes('Egress')
      : isObj(spec.egress) || Array.isArray(spec.egress);
    found.push({
      kind: 'NetworkPolicy',
      name: nameOf(np),
      ingress: declared.length ? declared.includes('Ingress') : true,
      egress,
    });
  }
  for (const np of index.inNamespace(
    'ciliumNetworkPolicies',
    source.namespace,
  )) {
    const specs = [obj(np.spec), ...arr(at(np, 'specs')).map(obj)].filter(
      s => Object.keys(s).length,
    );
    const matching = specs.filter(s =>
      selects(fromLabelSelector(s.endpointSelector), source.templateLabels),
    );
    if (!matching.length) continue;
    found.push({
      kind: 'CiliumNetworkPolicy',
      name: nameOf(np),
      ingress: matching.some(
        s => s.ingress !== undefined || s.ingressDeny !== undefined,
      ),
      egress: matching.some(
        s => s.egress !== undefined || s.egressDeny !== undefined,
      ),
    });
  }
  for (const np of index.inNamespace(
    'calicoNetworkPolicies',
    source.namespace,
  )) {
    const spec = obj(np.spec);
    if (!calicoSelects(str(spec.selector), source.templateLabels)) continue;
    const declared = types(spec.types);
    found.push({
      kind: 'CalicoNetworkPolicy',
      name: nameOf(np),
      ingress: declared.length
        ? declared.includes('Ingress')
        : spec.ingress !== undefined || spec.egress === undefined,
      egress: declared.length
        ? declared.includes('Egress')
        : spec.egress !== undefined,
    });
  }
  return found;
}
