import fc from 'fast-check';
import { KubeObject, namespaceOf } from './objects';
import { fromLabelSelector, selects } from './selectors';
import { objectsSelecting } from './selectorIndex';
import { SnapshotIndex } from './snapshot';

/**
 * Objects found by their own selectors (PDBs here; Services and network
 * policies the same way) must be exactly those a scan of the namespace finds:
 * selectors with and without `In` requirements, `{}` (selects everything),
 * no selector (selects nothing), repeated values, other namespaces.
 */

const KEYS = ['app', 'tier', 'constructor'];
const VALUES = ['web', 'db', ''];
const NAMESPACES = ['shop', 'other'];

const expression = fc.record({
  key: fc.constantFrom(...KEYS),
  operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt'),
  values: fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }),
});
const selector = fc.option(
  fc.record(
    {
      matchLabels: fc.dictionary(
        fc.constantFrom(...KEYS),
        fc.constantFrom(...VALUES),
      ),
      matchExpressions: fc.array(expression, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const pdb = fc.record({ namespace: fc.constantFrom(...NAMESPACES), selector });
const labels = fc.dictionary(
  fc.constantFrom(...KEYS),
  fc.constantFrom(...VALUES),
);

function snapshotIndex(pdbs: KubeObject[]) {
  return new SnapshotIndex({
    cluster: {
      name: 'c',
      environment: 'production',
      type: 'manifests',
      live: true,
      annotationScraping: false,
      namespaceEnvironments: {},
      podSpecSource: 'template',
    },
    takenAt: new Date(0).toISOString(),
    objects: { podDisruptionBudgets: pdbs },
    notInstalled: [],
    unreadable: [],
  });
}

describe('objectsSelecting', () => {
  it('finds the objects whose selector selects the labels, as a scan of the namespace does, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(pdb, { maxLength: 25 }),
        fc.array(fc.tuple(fc.constantFrom(...NAMESPACES), labels), {
          minLength: 1,
          maxLength: 4,
        }),
        (specs, questions) => {
          const pdbs: KubeObject[] = specs.map((s, i) => ({
            kind: 'PodDisruptionBudget',
            metadata: { name: `pdb-${i}`, namespace: s.namespace },
            spec: s.selector === undefined ? {} : { selector: s.selector },
          }));
          const index = snapshotIndex(pdbs);
          const selectorOf = (o: KubeObject) =>
            fromLabelSelector((o.spec as { selector?: unknown }).selector);
          for (const [namespace, podLabels] of questions) {
            expect(
              objectsSelecting(
                index,
                'podDisruptionBudgets',
                'spec.selector',
                selectorOf,
                namespace,
                podLabels,
              ),
            ).toEqual(
              pdbs.filter(
                o =>
                  namespaceOf(o) === namespace &&
                  selects(selectorOf(o), podLabels),
              ),
            );
          }
        },
      ),
    );
  });
});
