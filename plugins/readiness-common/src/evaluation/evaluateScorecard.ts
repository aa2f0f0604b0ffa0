import type { CheckDefinition, Scorecard } from '../definitions/types';
import type { EntityFacts } from '../facts/types';
import type { CheckResult, CheckStatus } from '../types';
import { evaluateCheck } from './evaluateCheck';
import { summarizeResults } from './summarize';
import type { EvaluationOptions, ScorecardEvaluation } from './types';

/**
 * Checks in an order where every check comes after the checks it requires.
 * Checks on a `requires` cycle are returned separately.
 */
export function evaluationOrder(checks: ReadonlyArray<CheckDefinition>): {
  ordered: CheckDefinition[];
  cyclic: CheckDefinition[];
} {
  const byId = new Map(checks.map(c => [c.id, c]));
  const state = new Map<string, 'visiting' | 'done' | 'cyclic'>();
  const ordered: CheckDefinition[] = [];

  const visit = (check: CheckDefinition): boolean => {
    const seen = state.get(check.id);
    if (seen === 'done') return true;
    if (seen) return false;
    state.set(check.id, 'visiting');
    let ok = true;
    for (const id of check.requires ?? []) {
      const required = byId.get(id);
      if (required && !visit(required)) ok = false;
    }
    state.set(check.id, ok ? 'done' : 'cyclic');
    if (ok) ordered.push(check);
    return ok;
  };
  checks.forEach(visit);
  return {
    ordered,
    cyclic: checks.filter(c => state.get(c.id) !== 'done'),
  };
}

/**
 * Evaluates every check of a scorecard for one entity, prerequisites first,
 * and summarises the results. Call it only for entities the scorecard
 * applies to (see {@link scorecardAppliesTo}).
 *
 * @public
 */
export function evaluateScorecard(
  scorecard: Scorecard,
  facts: EntityFacts,
  options: EvaluationOptions,
): ScorecardEvaluation {
  const { ordered, cyclic } = evaluationOrder(scorecard.checks);
  const statuses: Record<string, CheckStatus> = {};
  const byId = new Map<string, CheckResult>();
  for (const check of ordered) {
    const result = evaluateCheck(check, facts, {
      ...options,
      prerequisites: statuses,
    });
    statuses[check.id] = result.status;
    byId.set(check.id, result);
  }
  for (const check of cyclic) {
    byId.set(check.id, {
      checkId: check.id,
      status: 'unknown',
      evidence: [
        {
          status: 'unknown',
          message: 'The prerequisites of this check form a cycle',
        },
      ],
    });
  }
  const results = scorecard.checks.map(c => byId.get(c.id)!);
  return { results, summary: summarizeResults(scorecard, results) };
}
