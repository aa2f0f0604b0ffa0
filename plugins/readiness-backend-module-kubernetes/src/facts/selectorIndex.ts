import { KindKey } from './kinds';
import { KubeObject, namespaceOf } from './objects';
import { LabelRequirements, selects } from './selectors';
import { SnapshotIndex } from './snapshot';

const ANY_LABELS = 'any labels';

/**
 * Where a selector is filed: under the label values its first `In`
 * requirement accepts, or, when it has none (it may select almost any
 * labels), under `any labels`. A selector that selects nothing is not filed.
 */
export function selectorFilings(
  selector: LabelRequirements | undefined,
): string[] {
  if (!selector) return [];
  const narrowing = selector.find(r => r.operator === 'In');
  if (!narrowing) return [ANY_LABELS];
  return narrowing.values.map(v => JSON.stringify([narrowing.key, v]));
}

/** The filings under which every selector that selects the labels is found. */
export function filingsOf(labels: Record<string, string>): string[] {
  return [
    ANY_LABELS,
    ...Object.entries(labels).map(([k, v]) => JSON.stringify([k, v])),
  ];
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
  const keysOf = (o: KubeObject) =>
    selectorFilings(selectorOf(o)).map(f =>
      JSON.stringify([namespaceOf(o), f]),
    );
  const candidates = filingsOf(labels).flatMap(f =>
    index.withKey(
      kind,
      `selector ${selectorName}`,
      keysOf,
      JSON.stringify([namespace, f]),
    ),
  );
  return index
    .inSnapshotOrder(kind, candidates)
    .filter(o => selects(selectorOf(o), labels));
}
