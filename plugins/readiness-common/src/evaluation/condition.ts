import type {
  Condition,
  CountCondition,
  Quantifier,
} from '../definitions/types';
import { displayPath, factPath, lookup, renderTemplate } from '../facts/path';
import { resolve, withScope, type EvaluationContext } from './context';
import { evaluateFactCondition } from './operators';
import {
  combineAll,
  combineAny,
  countOf,
  negate,
  result,
  type ConditionResult,
  type Outcome,
} from './outcome';

/** Evaluates a condition with three-valued logic, explaining the outcome. */
export function evaluateCondition(
  cond: Condition,
  ctx: EvaluationContext,
): ConditionResult {
  if ('fact' in cond) return evaluateFactCondition(cond, ctx);
  if ('all' in cond) {
    return combineAll(cond.all.map(c => evaluateCondition(c, ctx)));
  }
  if ('any' in cond) {
    return combineAny(cond.any.map(c => evaluateCondition(c, ctx)));
  }
  if ('not' in cond) return negate(evaluateCondition(cond.not, ctx));
  if ('if' in cond) {
    const test = evaluateCondition(cond.if, ctx);
    if (test.outcome === 'unknown') return test;
    if (test.outcome === 'pass') return evaluateCondition(cond.then, ctx);
    return cond.else ? evaluateCondition(cond.else, ctx) : result('pass', []);
  }
  if ('every' in cond) return evaluateEvery(cond.every, ctx);
  if ('some' in cond) return evaluateSome(cond.some, ctx);
  return evaluateCount(cond.count, ctx);
}

/** The items of a list fact; a missing list is an empty one. */
export type Items =
  | { state: 'items'; items: unknown[] }
  | { state: 'done'; result: ConditionResult };

/** Looks up the list a quantifier or `forEach` iterates over. */
export function listItems(ctx: EvaluationContext, path: string): Items {
  const found = resolve(ctx, path);
  if (found.state === 'unknown') {
    return { state: 'done', result: result('unknown', [found.reason]) };
  }
  if (found.state === 'missing') return { state: 'items', items: [] };
  if (!Array.isArray(found.value)) {
    const name = displayPath(factPath(path));
    return { state: 'done', result: result('fail', [`${name} is not a list`]) };
  }
  return { state: 'items', items: found.value };
}

/** The default name of a list item: its name, metadata.name or path, else its index. */
function defaultItemName(item: unknown, index: number): string {
  for (const segments of [['name'], ['metadata', 'name'], ['path'], ['id']]) {
    const found = lookup(item, segments);
    if (found.state === 'value' && typeof found.value !== 'object') {
      return String(found.value);
    }
  }
  return String(index);
}

/**
 * How an item is named in messages: the template when given, else
 * `Deployment payments/checkout` for Kubernetes objects, else `containers[app]`.
 */
export function itemLabel(
  listPath: string,
  item: unknown,
  index: number,
  template?: string,
): string {
  if (template) return renderTemplate(template, item);
  const kind = lookup(item, ['kind']);
  const name = lookup(item, ['metadata', 'name']);
  if (kind.state === 'value' && name.state === 'value') {
    const namespace = lookup(item, ['metadata', 'namespace']);
    const prefix = namespace.state === 'value' ? `${namespace.value}/` : '';
    return `${kind.value} ${prefix}${name.value}`;
  }
  const segments = factPath(listPath).segments;
  const last = [...segments].reverse().find(s => typeof s === 'string');
  return `${last ?? 'item'}[${defaultItemName(item, index)}]`;
}

/** One item's verdict: out of scope (`where` failed) or a result. */
type ItemVerdict = { included: false } | { included: true; r: ConditionResult };

/** Applies `where` then `check` (when given) to one item. */
export function judgeItem(
  ctx: EvaluationContext,
  item: unknown,
  where: Condition | undefined,
  check: Condition | undefined,
): ItemVerdict {
  const inner = withScope(ctx, item);
  if (where) {
    const w = evaluateCondition(where, inner);
    if (w.outcome === 'fail') return { included: false };
    if (w.outcome === 'unknown') return { included: true, r: w };
  }
  return {
    included: true,
    r: check ? evaluateCondition(check, inner) : result('pass', []),
  };
}

interface Judged {
  name: string;
  total: number;
  results: ConditionResult[];
  labels: string[];
}

function judgeAll(
  q: Quantifier,
  ctx: EvaluationContext,
): Judged | ConditionResult {
  const list = listItems(ctx, q.in);
  if (list.state === 'done') return list.result;
  const judged: Judged = {
    name: displayPath(factPath(q.in)),
    total: list.items.length,
    results: [],
    labels: [],
  };
  list.items.forEach((item, index) => {
    const verdict = judgeItem(ctx, item, q.where, q.check);
    if (!verdict.included) return;
    judged.results.push(verdict.r);
    judged.labels.push(itemLabel(q.in, item, index, q.label));
  });
  return judged;
}

function isJudged(value: Judged | ConditionResult): value is Judged {
  return 'results' in value;
}

function evaluateEvery(q: Quantifier, ctx: EvaluationContext): ConditionResult {
  const judged = judgeAll(q, ctx);
  if (!isJudged(judged)) return judged;
  const { name, results, labels } = judged;
  const combined = combineAll(results, i => `${labels[i]}: `);
  if (combined.outcome !== 'pass') return combined;
  if (results.length === 0) {
    return result('pass', [
      judged.total === 0
        ? `${name} has no items`
        : `${name}: no item matches the filter`,
    ]);
  }
  return result('pass', [
    `${name}: every item passes (${countOf(results.length)})`,
  ]);
}

function evaluateSome(q: Quantifier, ctx: EvaluationContext): ConditionResult {
  const judged = judgeAll(q, ctx);
  if (!isJudged(judged)) return judged;
  const { name, results, labels } = judged;
  if (results.length === 0) {
    return result('fail', [
      judged.total === 0
        ? `${name} has no items`
        : `${name}: no item matches the filter (${countOf(judged.total)})`,
    ]);
  }
  const first = results.findIndex(r => r.outcome === 'pass');
  if (first >= 0) {
    const passed = results[first];
    return result(
      'pass',
      passed.messages.length
        ? passed.messages.map(m => `${labels[first]}: ${m}`)
        : [`${labels[first]} passes`],
      passed.omitted,
    );
  }
  const combined = combineAny(results, i => `${labels[i]}: `);
  if (combined.outcome === 'unknown') return combined;
  return result(
    'fail',
    [
      `${name}: no item passes (${countOf(results.length)})`,
      ...combined.messages,
    ],
    combined.omitted,
  );
}

const COUNT_SYMBOLS = {
  eq: '=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
} as const;

function countHolds(spec: CountCondition['count'], n: number): boolean {
  return (
    (spec.eq === undefined || n === spec.eq) &&
    (spec.gt === undefined || n > spec.gt) &&
    (spec.gte === undefined || n >= spec.gte) &&
    (spec.lt === undefined || n < spec.lt) &&
    (spec.lte === undefined || n <= spec.lte)
  );
}

function evaluateCount(
  spec: CountCondition['count'],
  ctx: EvaluationContext,
): ConditionResult {
  const list = listItems(ctx, spec.in);
  if (list.state === 'done') return list.result;
  const name = displayPath(factPath(spec.in));
  let matched = 0;
  let unknowns = 0;
  const undetermined: string[] = [];
  list.items.forEach((item, index) => {
    const verdict = judgeItem(ctx, item, spec.where, undefined);
    if (!verdict.included) return;
    if (verdict.r.outcome === 'pass') {
      matched++;
    } else {
      unknowns++;
      const label = itemLabel(spec.in, item, index);
      undetermined.push(...verdict.r.messages.map(m => `${label}: ${m}`));
    }
  });
  const outcomes: Outcome[] = [];
  for (let n = matched; n <= matched + unknowns; n++) {
    outcomes.push(countHolds(spec, n) ? 'pass' : 'fail');
  }
  const needs = (
    Object.keys(COUNT_SYMBOLS) as Array<keyof typeof COUNT_SYMBOLS>
  )
    .filter(k => spec[k] !== undefined)
    .map(k => `${COUNT_SYMBOLS[k]} ${spec[k]}`)
    .join(' and ');
  const what = spec.where ? 'matching item' : 'item';
  const counted = `${name} has ${countOf(matched, what)}`;
  if (outcomes.every(o => o === 'pass')) {
    return result('pass', [`${counted} (${needs})`]);
  }
  if (outcomes.every(o => o === 'fail')) {
    return result('fail', [`${counted}, needs ${needs}`]);
  }
  return result('unknown', [
    `${counted} and ${unknowns} undetermined, needs ${needs}`,
    ...undetermined,
  ]);
}
