import { KindKey } from './kinds';
import { KubeObject, namespaceOf } from './objects';
import { LabelRequirements, selects } from './selectors';
import { SnapshotIndex } from './snapshot';

/**
 * Where an object's selector is filed: under the label values its first
 * `In` requirement accepts, or, when it has none (it may select almost any
 * labels), under its namespace alone. A selector that selects nothing is not
 * filed.
 */
function selectorKeys(
  o: KubeObject,
  selectorOf: (o: KubeObject) => LabelRequirements | undefined,
): string[] {
  const selector = selectorOf(o);
  if (!selector) return [];
  const ns = namespaceOf(o);
  const narrowing = selector.find(r => r.operator === 'In');
  if (!narrowing) return [JSON.stringify([ns])];
  return narrowing.values.map(v => JSON.stringify([ns, narrowing.key, v]));
}

/**
 * Objects of a kind in a namespace whose own selector (Services, PDBs,
 * network policies) selects `labels`, in the snapshot's order. Only the
 * selectors filed under one of the labels, or under no label, are tried, so
 * the cost follows the labels, not the namespace's size. `selectorName`
 * names `selectorOf` for the index, which is built once per snapshot.
 */
export function objectsSelecting(
  index: SnapshotIndex,
  kind: KindKey,
  selectorName: string,
  selectorOf: (o: KubeObject) => LabelRequirements | undefined,
  namespace: string,
  labels: Record<string, string>,
): KubeObject[] {
  const filed = (key: string) =>
    index.withKey(
      kind,
      `selector ${selectorName}`,
      o => selectorKeys(o, selectorOf),
      key,
    );
  const candidates = [
    ...filed(JSON.stringify([namespace])),
    ...Object.entries(labels).flatMap(([k, v]) =>
      filed(JSON.stringify([namespace, k, v])),
    ),
  ];
  return index
    .inSnapshotOrder(kind, candidates)
    .filter(o => selects(selectorOf(o), labels));
}
