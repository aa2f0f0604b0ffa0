import type {
  Attestation,
  CheckResult,
  CheckStatus,
  Exemption,
  ScoreSummary,
} from '../types';
import type { EntityFilterOptions } from './filter';

/**
 * What the evaluator needs besides facts. Evaluation is pure: the same
 * inputs give the same result.
 *
 * @public
 */
export interface EvaluationOptions extends EntityFilterOptions {
  /** The moment of evaluation; attestations and exemptions are judged at it. */
  now: Date;
  /** Attestation records; those of other entities and checks are ignored. */
  attestations?: ReadonlyArray<Attestation>;
  /** Exemption records; those of other entities and checks are ignored. */
  exemptions?: ReadonlyArray<Exemption>;
}

/**
 * Options of {@link evaluateCheck}.
 *
 * @public
 */
export interface EvaluateCheckOptions extends EvaluationOptions {
  /**
   * Final statuses of already evaluated checks, by id. A check whose
   * `requires` lists a check that is not `pass` or `exempt` here is unknown.
   */
  prerequisites?: Readonly<Record<string, CheckStatus>>;
}

/**
 * The result of evaluating a scorecard for one entity.
 *
 * @public
 */
export interface ScorecardEvaluation {
  /** One result per check, in definition order. */
  results: CheckResult[];
  summary: ScoreSummary;
}
