import { at, obj, str, strMap } from './json';

/**
 * A Kubernetes object as read from a cluster or a manifest file.
 *
 * @internal
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** The object's name, or an empty string. */
export function nameOf(o: KubeObject): string {
  return str(o.metadata?.name) ?? '';
}

/** The object's namespace, or an empty string for cluster-scoped objects. */
export function namespaceOf(o: KubeObject): string {
  return str(o.metadata?.namespace) ?? '';
}

/** The object's labels. */
export function labelsOf(o: KubeObject): Record<string, string> {
  return strMap(o.metadata?.labels);
}

/**
 * Annotations worth keeping in facts: everything except
 * `kubectl.kubernetes.io/last-applied-configuration`, which repeats the whole
 * object.
 */
export function keptAnnotations(value: unknown): Record<string, string> {
  const all = strMap(value);
  delete all['kubectl.kubernetes.io/last-applied-configuration'];
  return all;
}

/** Reads a condition of `status.conditions` by type. */
export function conditionOf(
  o: KubeObject,
  type: string,
): { status?: string; reason?: string } | undefined {
  const conditions = at(o, 'status', 'conditions');
  if (!Array.isArray(conditions)) return undefined;
  const found = conditions.find(c => obj(c).type === type);
  if (!found) return undefined;
  return { status: str(obj(found).status), reason: str(obj(found).reason) };
}

/** `Kind namespace/name`, the way evidence names an object. */
export function describe(o: KubeObject): string {
  const ns = namespaceOf(o);
  return `${o.kind ?? 'Object'} ${ns ? `${ns}/` : ''}${nameOf(o)}`;
}
