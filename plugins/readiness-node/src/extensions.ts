import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';

/**
 * What a fact provider returns for one entity: the facts it collected, or the
 * reason it could not collect them. A failure never replaces earlier facts;
 * the backend keeps them and marks them stale.
 *
 * @public
 */
export type CollectedFacts =
  | { status: 'ok'; data: Record<string, unknown> }
  | { status: 'error'; error: string };

/**
 * A source of facts about catalog entities: a Kubernetes cluster, a source
 * repository, the catalog itself, or anything an adopter adds.
 *
 * @public
 */
export interface FactProvider {
  /** Unique id; checks name it as their `source`. */
  readonly id: string;
  /**
   * Collects facts for a whole batch of entities at once, so that a provider
   * can list a cluster once per batch rather than once per entity.
   * Returns one entry per entity ref it has an answer for.
   */
  collect(request: {
    entities: Entity[];
    signal?: AbortSignal;
  }): Promise<Map<string, CollectedFacts>>;
}

/**
 * Lets backend modules contribute fact providers to the readiness backend.
 *
 * @public
 */
export interface ReadinessFactProvidersExtensionPoint {
  /** Adds providers; a provider id that is already registered is rejected. */
  addFactProvider(...providers: FactProvider[]): void;
}

/**
 * Extension point for fact providers.
 *
 * @public
 */
export const readinessFactProvidersExtensionPoint =
  createExtensionPoint<ReadinessFactProvidersExtensionPoint>({
    id: 'readiness.fact-providers',
  });
