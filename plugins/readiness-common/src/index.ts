/**
 * Types, the scorecard definition schema and parser, and the pure evaluator
 * shared by the Readiness plugins. Runs in browsers and Node.
 *
 * @packageDocumentation
 */

export * from './types';
export type {
  AllCondition,
  AnyCondition,
  CheckDefinition,
  Condition,
  CountCondition,
  EntityFilter,
  EveryCondition,
  FactCondition,
  FactPath,
  FactReference,
  ForEach,
  IfCondition,
  NotCondition,
  OrderedOperand,
  Quantifier,
  Scorecard,
  ScorecardDocument,
  ScorecardTarget,
  SomeCondition,
} from './definitions/types';
export { conditionSchema } from './definitions/conditionSchema';
export { scorecardDocumentSchema } from './definitions/schema';
export {
  ScorecardDefinitionError,
  formatDefinitionIssue,
  type ScorecardDefinitionIssue,
} from './definitions/errors';
export {
  mergeScorecards,
  parseScorecardDocument,
  validateScorecards,
  type DefinitionSourceOptions,
} from './definitions/parse';
export type { EntityFacts, SourceFacts } from './facts/types';
export {
  READINESS_TIER_ANNOTATION,
  entityMatchesFilter,
  scorecardAppliesTo,
  type EntityFilterOptions,
} from './evaluation/filter';
export {
  activeExemption,
  applyExemption,
  evaluateAttestation,
  type RecordContext,
} from './evaluation/applyRecords';
export { evaluateCheck } from './evaluation/evaluateCheck';
export {
  ATTESTATION_RENEWAL_DAYS,
  attestationRenewBy,
  recordInForce,
} from './evaluation/renewal';
export { evaluateScorecard } from './evaluation/evaluateScorecard';
export {
  emptyStatusCounts,
  meetsLevel,
  scoreFromCounts,
  summarizeResults,
  targetLevelFor,
} from './evaluation/summarize';
export type {
  EvaluateCheckOptions,
  EvaluationOptions,
  ScorecardEvaluation,
} from './evaluation/types';
export type {
  AuditEvent,
  EntityCheckResult,
  EntityReadiness,
  EntityScorecard,
  EntityScoreRow,
  OverviewGroupRow,
  PagedResponse,
} from './api';
export { isRelativeTime, resolveRelativeTimes } from './time/relativeTimes';
export {
  readinessAttestationCreatePermission,
  readinessExemptionCreatePermission,
  readinessPermissions,
  readinessRefreshPermission,
} from './permissions';
