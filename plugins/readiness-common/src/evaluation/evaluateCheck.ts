import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CheckDefinition, ForEach } from '../definitions/types';
import type { EntityFacts } from '../facts/types';
import { displayPath, factPath } from '../facts/path';
import type { CheckResult, CheckStatus, Evidence } from '../types';
import { applyExemption, evaluateAttestation } from './applyRecords';
import {
  evaluateCondition,
  itemLabel,
  judgeItem,
  listItems,
} from './condition';
import {
  createContext,
  sourceUnavailable,
  type EvaluationContext,
} from './context';
import { filterMismatch } from './filter';
import {
  aggregate,
  boundEvidence,
  toEvidence,
  type ConditionResult,
  type Outcome,
} from './outcome';
import type { EvaluateCheckOptions } from './types';

function single(
  checkId: string,
  status: CheckStatus,
  messages: string[],
): CheckResult {
  return {
    checkId,
    status,
    evidence: messages.map(message => ({ status, message })),
  };
}

function fromResult(checkId: string, r: ConditionResult): CheckResult {
  return { checkId, status: r.outcome, evidence: [toEvidence(r)] };
}

/** Evaluates the condition once per object of `forEach` and aggregates. */
function evaluateEach(
  check: CheckDefinition,
  forEach: ForEach,
  ctx: EvaluationContext,
): CheckResult {
  const list = listItems(ctx, forEach.in);
  if (list.state === 'done') return fromResult(check.id, list.result);
  const evidence: Evidence[] = [];
  const outcomes: Outcome[] = [];
  list.items.forEach((object, index) => {
    const verdict = judgeItem(ctx, object, forEach.where, check.condition);
    if (!verdict.included) return;
    const label = itemLabel(forEach.in, object, index, check.objectLabel);
    evidence.push(toEvidence(verdict.r, label));
    outcomes.push(verdict.r.outcome);
  });
  if (evidence.length === 0) {
    const name = displayPath(factPath(forEach.in));
    return single(check.id, 'not-applicable', [
      list.items.length === 0
        ? `No objects in ${name}`
        : `No object in ${name} is in scope (${list.items.length} filtered out)`,
    ]);
  }
  return { checkId: check.id, status: aggregate(outcomes), evidence };
}

/** The status before exemptions, following the order of section 3. */
function computeCheck(
  check: CheckDefinition,
  facts: EntityFacts,
  options: EvaluateCheckOptions,
  entityRef: string,
): CheckResult {
  if (check.applicability) {
    const mismatch = filterMismatch(facts.entity, check.applicability, options);
    if (mismatch) {
      return single(check.id, 'not-applicable', [
        `Not applicable: ${mismatch}`,
      ]);
    }
  }
  const ctx = createContext(facts, check.unknownWhenMissing);
  if (check.notApplicableWhen) {
    const r = evaluateCondition(check.notApplicableWhen, ctx);
    if (r.outcome === 'pass') {
      const evidence = toEvidence(r);
      return single(check.id, 'not-applicable', [
        `Not applicable: ${evidence.message}`,
      ]);
    }
    if (r.outcome === 'unknown') return fromResult(check.id, r);
  }
  const blocked = (check.requires ?? []).flatMap(id => {
    const status = options.prerequisites?.[id];
    if (status === 'pass' || status === 'exempt') return [];
    return status
      ? [`Prerequisite check ${id} is ${status}`]
      : [`Prerequisite check ${id} was not evaluated`];
  });
  if (blocked.length > 0) return single(check.id, 'unknown', blocked);

  if (check.source === 'attestation') {
    return evaluateAttestation(check, options.attestations ?? [], {
      entityRef,
      now: options.now,
    });
  }
  const optionalSource =
    check.source === 'catalog' && !facts.sources[check.source];
  const unavailable = optionalSource
    ? undefined
    : sourceUnavailable(facts, check.source);
  if (unavailable) return single(check.id, 'unknown', [unavailable]);

  if (!check.condition) {
    return single(check.id, 'unknown', ['The check has no condition']);
  }
  if (check.forEach) return evaluateEach(check, check.forEach, ctx);
  return fromResult(check.id, evaluateCondition(check.condition, ctx));
}

/**
 * Evaluates one check for one entity: applicability, `notApplicableWhen`,
 * prerequisites, source availability, then the condition (per object with
 * `forEach`) or the attestation records; finally exemptions. Evidence is
 * ordered failures first and bounded to 20 entries plus "and N more".
 *
 * @public
 */
export function evaluateCheck(
  check: CheckDefinition,
  facts: EntityFacts,
  options: EvaluateCheckOptions,
): CheckResult {
  const entityRef = stringifyEntityRef(facts.entity);
  const computed = computeCheck(check, facts, options, entityRef);
  const bounded = { ...computed, evidence: boundEvidence(computed.evidence) };
  return applyExemption(bounded, options.exemptions ?? [], {
    entityRef,
    now: options.now,
  });
}
