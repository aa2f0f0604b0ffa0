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
export {
  contentEntityFacts,
  evaluateContent,
  type ContentEvaluation,
  type ContentFactSource,
} from './content/evaluateContent';
export {
  contentVerdict,
  formatVerdict,
  judgeContent,
  minimumLevelFor,
  reachesLevel,
  type ContentJudgement,
  type ContentVerdict,
  type FailingCheck,
} from './content/gate';
export {
  entityFromDescriptor,
  manifestsFromFiles,
  readDirectoryContent,
  readFileNoFollow,
  readTreeFiles,
  resolveInsideWorkspace,
  type DirectoryContentOptions,
  type SkippedPath,
  type WorkspaceReadLimits,
} from './content/workspace';
export { eventLoopSlices } from './eventLoopSlices';
