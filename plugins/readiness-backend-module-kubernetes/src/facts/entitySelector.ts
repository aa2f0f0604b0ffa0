import { Entity } from '@backstage/catalog-model';
import { KindKey } from './kinds';
import { KubeObject, labelsOf, namespaceOf } from './objects';
import {
  formatLabelSelector,
  LabelRequirements,
  parseLabelSelector,
  selects,
} from './selectors';
import { SnapshotIndex } from './snapshot';
import { EntitySelectorFacts } from './types';

/** The annotation naming the value of the `backstage.io/kubernetes-id` label. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
/** The annotation holding a label selector for the entity's objects. */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/** The annotation limiting matching to one namespace. */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/** How one entity is matched, following the Backstage Kubernetes plugin. */
export interface EntityMatcher {
  facts: EntitySelectorFacts;
  /** Undefined when the entity is not annotated or the selector is invalid. */
  requirements?: LabelRequirements;
  namespace?: string;
}

/**
 * Reads the entity's Kubernetes annotations. The label selector annotation
 * wins over `backstage.io/kubernetes-id`, as in the Backstage Kubernetes plugin.
 */
export function entityMatcher(entity: Entity): EntityMatcher {
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[KUBERNETES_ID_ANNOTATION]?.trim() || undefined;
  const selectorText =
    annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION]?.trim() || undefined;
  const namespace =
    annotations[KUBERNETES_NAMESPACE_ANNOTATION]?.trim() || undefined;
  const facts: EntitySelectorFacts = {
    annotated: Boolean(id || selectorText),
    kubernetesId: id ?? null,
    labelSelector: null,
    namespace: namespace ?? null,
    error: null,
  };
  if (selectorText) {
    try {
      const requirements = parseLabelSelector(selectorText);
      if (requirements.length === 0) throw new Error('the selector is empty');
      facts.labelSelector = formatLabelSelector(requirements);
      return { facts, requirements, namespace };
    } catch (e) {
      facts.error = `${KUBERNETES_LABEL_SELECTOR_ANNOTATION}: ${
        (e as Error).message
      }`;
      return { facts, namespace };
    }
  }
  if (id) {
    const requirements: LabelRequirements = [
      { key: KUBERNETES_ID_ANNOTATION, operator: 'In', values: [id] },
    ];
    facts.labelSelector = formatLabelSelector(requirements);
    return { facts, requirements, namespace };
  }
  return { facts, namespace };
}

/** True when the object is the entity's by its own labels and namespace. */
export function matchesEntity(matcher: EntityMatcher, o: KubeObject): boolean {
  if (!matcher.requirements) return false;
  if (matcher.namespace && namespaceOf(o) !== matcher.namespace) return false;
  return selects(matcher.requirements, labelsOf(o));
}

/**
 * The entity's objects of one kind in a snapshot, by their own labels: the
 * objects `matchesEntity` accepts, in the snapshot's order, found through the
 * index's label tables.
 */
export function matchedObjects(
  matcher: EntityMatcher,
  index: SnapshotIndex,
  kind: KindKey,
): KubeObject[] {
  if (!matcher.requirements) return [];
  return index.selected(kind, matcher.requirements, matcher.namespace);
}
