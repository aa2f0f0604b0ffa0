import { at, isObj, obj, str, strMap } from './json';

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

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Annotations worth keeping in facts: everything except
 * `kubectl.kubernetes.io/last-applied-configuration`, which repeats the whole
 * object.
 */
export function keptAnnotations(value: unknown): Record<string, string> {
  const all = strMap(value);
  delete all[LAST_APPLIED];
  return all;
}

/**
 * The object without the bookkeeping a cluster adds to it and no fact reads:
 * `metadata.managedFields` (who set which field) and the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation (a copy of
 * the applied object). Listings are kept for the cache's lifetime, and these
 * two are often most of an object's size.
 */
export function withoutBookkeeping(o: KubeObject): KubeObject {
  const metadata = o.metadata;
  if (!isObj(metadata)) return o;
  const annotations = metadata.annotations;
  const lastApplied = isObj(annotations) && LAST_APPLIED in annotations;
  if (!('managedFields' in metadata) && !lastApplied) return o;
  const { managedFields: _fields, ...kept } = metadata;
  if (lastApplied) {
    const { [LAST_APPLIED]: _applied, ...others } = annotations;
    kept.annotations = others;
  }
  return { ...o, metadata: kept };
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
