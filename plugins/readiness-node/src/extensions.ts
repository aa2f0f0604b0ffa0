import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';

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
 * The health of one thing a provider reads (a cluster, an SCM host, ...),
 * shown by `GET /api/readiness/status`.
 *
 * @public
 */
export interface FactTargetStatus {
  name: string;
  healthy: boolean;
  lastSuccessAt?: string;
  lastError?: string;
  /** Anything else worth showing an operator, e.g. API calls of the last refresh. */
  details?: Record<string, unknown>;
}

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
  /** Optional health of each target the provider reads. */
  status?(): Promise<FactTargetStatus[]>;
  /**
   * Optional: facts from posted content instead of live sources, for the
   * stateless `POST /evaluate` (rendered Kubernetes manifests, the files of a
   * repository tree). Returns undefined when the content has nothing for it.
   */
  factsFromContent?(
    content: EvaluationContent,
  ): Record<string, unknown> | undefined;
}

/**
 * Content posted for a stateless evaluation.
 *
 * @public
 */
export interface EvaluationContent {
  entity: Entity;
  /** Kubernetes objects, as from rendered manifests. */
  manifests?: unknown[];
  /** Files of the repository tree, paths relative to its root. */
  files?: Array<{ path: string; content: string }>;
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

/**
 * Scorecards a module contributes, with a label naming where they come from
 * (shown in definition errors, e.g. the package and file name).
 *
 * @public
 */
export interface ContributedScorecards {
  source: string;
  scorecards: Scorecard[];
}

/**
 * Lets backend modules contribute scorecards (check libraries). They are
 * validated at start-up like those from config; a scorecard id defined twice
 * stops the plugin with both sources named.
 *
 * @public
 */
export interface ReadinessScorecardsExtensionPoint {
  addScorecards(...contributions: ContributedScorecards[]): void;
}

/**
 * Extension point for scorecards contributed by modules.
 *
 * @public
 */
export const readinessScorecardsExtensionPoint =
  createExtensionPoint<ReadinessScorecardsExtensionPoint>({
    id: 'readiness.scorecards',
  });
