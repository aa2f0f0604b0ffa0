import type { Entity } from '@backstage/catalog-model';
import type { EntityFilter, Scorecard } from '../definitions/types';

/**
 * The annotation that declares an entity's tier (`"1"`, `"2"` or `"3"`).
 *
 * @public
 */
export const READINESS_TIER_ANNOTATION = 'readiness/tier';

/**
 * Options for entity filters and targets.
 *
 * @public
 */
export interface EntityFilterOptions {
  /** The annotation holding the tier; defaults to {@link READINESS_TIER_ANNOTATION}. */
  tierAnnotation?: string;
}

function specString(entity: Entity, key: string): string | undefined {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The entity's tier from its tier annotation, if set. */
export function tierOf(
  entity: Entity,
  options: EntityFilterOptions = {},
): string | undefined {
  const key = options.tierAnnotation ?? READINESS_TIER_ANNOTATION;
  return entity.metadata.annotations?.[key];
}

function oneOf(
  label: string,
  actual: string | undefined,
  allowed: string[] | undefined,
  caseInsensitive = false,
): string | undefined {
  if (!allowed) return undefined;
  const norm = (s: string) => (caseInsensitive ? s.toLocaleLowerCase() : s);
  if (actual !== undefined && allowed.some(a => norm(a) === norm(actual))) {
    return undefined;
  }
  const shown = actual === undefined ? 'is not set' : `is "${actual}"`;
  return `${label} ${shown}, not one of ${allowed.join(', ')}`;
}

/**
 * Why an entity does not match a filter, or undefined when it does.
 */
export function filterMismatch(
  entity: Entity,
  filter: EntityFilter,
  options: EntityFilterOptions = {},
): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const tierKey = options.tierAnnotation ?? READINESS_TIER_ANNOTATION;
  const mismatch =
    oneOf('kind', entity.kind, filter.kind, true) ??
    oneOf('spec.type', specString(entity, 'type'), filter.type) ??
    oneOf(
      'spec.lifecycle',
      specString(entity, 'lifecycle'),
      filter.lifecycle,
    ) ??
    oneOf(`annotation ${tierKey}`, tierOf(entity, options), filter.tier);
  if (mismatch) return mismatch;

  if (filter.tags) {
    const tags = entity.metadata.tags ?? [];
    if (!filter.tags.some(t => tags.includes(t))) {
      return `the entity has none of the tags ${filter.tags.join(', ')}`;
    }
  }
  for (const [key, expected] of Object.entries(filter.annotations ?? {})) {
    const actual = annotations[key];
    if (expected === true && actual === undefined) {
      return `annotation ${key} is not set`;
    }
    if (expected === false && actual !== undefined) {
      return `annotation ${key} is set`;
    }
    if (typeof expected === 'string' && actual !== expected) {
      return actual === undefined
        ? `annotation ${key} is not set, needs "${expected}"`
        : `annotation ${key} is "${actual}", needs "${expected}"`;
    }
  }
  return undefined;
}

/**
 * Whether an entity matches a filter: every field that is set matches.
 *
 * @public
 */
export function entityMatchesFilter(
  entity: Entity,
  filter: EntityFilter,
  options?: EntityFilterOptions,
): boolean {
  return filterMismatch(entity, filter, options) === undefined;
}

/**
 * Whether a scorecard is evaluated for an entity (its `appliesTo`; all
 * entities when unset). Evaluate only entities for which this holds: a
 * scorecard evaluated for an entity outside its scope says nothing useful.
 *
 * @public
 */
export function scorecardAppliesTo(
  scorecard: Scorecard,
  entity: Entity,
  options?: EntityFilterOptions,
): boolean {
  return (
    !scorecard.appliesTo ||
    entityMatchesFilter(entity, scorecard.appliesTo, options)
  );
}
