/**
 * Extension points and service references for modules of the Readiness backend.
 *
 * @packageDocumentation
 */

export {
  readinessFactProvidersExtensionPoint,
  readinessScorecardsExtensionPoint,
  type CollectedFacts,
  type ContributedScorecards,
  type EvaluationContent,
  type FactProvider,
  type FactTargetStatus,
  type ReadinessFactProvidersExtensionPoint,
  type ReadinessScorecardsExtensionPoint,
} from './extensions';
export {
  applyScorecardOverrides,
  loadDefaultScorecard,
  type ScorecardCheckOverride,
  type ScorecardOverrides,
} from './defaultScorecard';
