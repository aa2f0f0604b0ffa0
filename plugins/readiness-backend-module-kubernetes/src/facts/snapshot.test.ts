import fc from 'fast-check';
import { entityMatcher, matchedObjects, matchesEntity } from './entitySelector';
import { KubeObject, labelsOf, namespaceOf } from './objects';
import { formatLabelSelector, LabelRequirements, selects } from './selectors';
import { SnapshotIndex } from './snapshot';
import { component } from '../__testUtils__/demo';

/**
 * The index's label tables must answer exactly what a scan of every object
 * answered: same objects, same order, including label keys that are names of
 * Object.prototype members, values that are not strings, repeated values and
 * objects without a namespace.
 */

const KEYS = ['app', 'tier', 'constructor', 'backstage.io/kubernetes-id'];
const VALUES = ['web', 'db', ''];
const NAMESPACES = ['shop', 'other', ''];

const labelValue = fc.oneof(fc.constantFrom(...VALUES), fc.constant(7));
const object = fc.record(
  {
    namespace: fc.constantFrom(...NAMESPACES),
    labels: fc.dictionary(fc.constantFrom(...KEYS), labelValue),
  },
  { requiredKeys: ['labels'] },
);
const requirement = fc.record({
  key: fc.constantFrom(...KEYS),
  operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
  values: fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }),
}) as fc.Arbitrary<LabelRequirements[number]>;

function indexOf(metadata: Array<Record<string, unknown>>) {
  const pods: KubeObject[] = metadata.map((m, i) => ({
    kind: 'Pod',
    metadata: { name: `pod-${i}`, ...m },
  }));
  return {
    pods,
    index: new SnapshotIndex({
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
      objects: { pods },
      notInstalled: [],
      unreadable: [],
    }),
  };
}

describe('SnapshotIndex label tables', () => {
  it('select the objects a scan of the kind selects, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(object, { maxLength: 25 }),
        fc.option(fc.array(requirement, { maxLength: 3 }), { nil: undefined }),
        fc.option(fc.constantFrom(...NAMESPACES), { nil: undefined }),
        (metadata, requirements, namespace) => {
          const { pods, index } = indexOf(metadata);
          const scanned = pods.filter(
            o =>
              (namespace === undefined || namespaceOf(o) === namespace) &&
              selects(requirements, labelsOf(o)),
          );
          expect(index.selected('pods', requirements, namespace)).toEqual(
            scanned,
          );
          // Asked again, the tables built by the first question answer the same.
          expect(index.selected('pods', requirements, namespace)).toEqual(
            scanned,
          );
        },
      ),
    );
  });

  it("find an entity's objects as matching each object against the entity's annotations does", () => {
    fc.assert(
      fc.property(
        fc.array(object, { maxLength: 25 }),
        fc.option(fc.constantFrom(...VALUES.filter(Boolean)), {
          nil: undefined,
        }),
        fc.option(fc.array(requirement, { minLength: 1, maxLength: 3 }), {
          nil: undefined,
        }),
        fc.option(fc.constantFrom(...NAMESPACES.filter(Boolean)), {
          nil: undefined,
        }),
        (metadata, id, requirements, namespace) => {
          const { pods, index } = indexOf(metadata);
          const annotations: Record<string, string> = {};
          if (requirements) {
            annotations['backstage.io/kubernetes-label-selector'] =
              formatLabelSelector(requirements);
          }
          if (namespace) {
            annotations['backstage.io/kubernetes-namespace'] = namespace;
          }
          const entity = component('web', annotations);
          if (id)
            entity.metadata.annotations!['backstage.io/kubernetes-id'] = id;
          else
            delete entity.metadata.annotations!['backstage.io/kubernetes-id'];
          const matcher = entityMatcher(entity);
          expect(matchedObjects(matcher, index, 'pods')).toEqual(
            pods.filter(o => matchesEntity(matcher, o)),
          );
        },
      ),
    );
  });
});

describe('SnapshotIndex.named', () => {
  it('finds the first object of a kind with the name in the namespace, as `find` over the namespace does', () => {
    const { pods, index } = indexOf([
      { name: 'web', namespace: 'other', labels: { n: '1' } },
      { name: 'web', namespace: 'shop', labels: { n: '2' } },
      { name: 'web', namespace: 'shop', labels: { n: '3' } },
      { name: 'db', namespace: 'shop', labels: { n: '4' } },
    ]);
    expect(index.named('pods', 'shop', 'web')).toBe(pods[1]);
    expect(index.named('pods', 'other', 'web')).toBe(pods[0]);
    expect(index.named('pods', 'other', 'db')).toBeUndefined();
  });
});
