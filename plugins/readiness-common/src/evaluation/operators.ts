import type { FactCondition, FactReference } from '../definitions/types';
import { displayPath, factPath } from '../facts/path';
import { resolve, type EvaluationContext } from './context';
import {
  combineAll,
  countOf,
  formatValue,
  result,
  type ConditionResult,
} from './outcome';

/** The operators of a leaf condition, in the order they are evaluated. */
export const OPERATORS = [
  'exists',
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'notIn',
  'matches',
  'minLength',
  'maxLength',
  'contains',
] as const;

type Operator = (typeof OPERATORS)[number];

/** True when an operand is `{ fact: <path> }`, a reference to another fact. */
export function isFactReference(value: unknown): value is FactReference {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { fact?: unknown }).fact === 'string'
  );
}

/** Structural equality of JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(k =>
      deepEqual(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
      ),
    )
  );
}

type Operand =
  | { state: 'value'; value: unknown; text: string }
  | { state: 'missing'; name: string }
  | { state: 'unknown'; reason: string };

/** Resolves a literal or `{ fact }` operand to a value and its display text. */
function operand(ctx: EvaluationContext, raw: unknown): Operand {
  if (!isFactReference(raw)) {
    return { state: 'value', value: raw, text: formatValue(raw) };
  }
  const name = displayPath(factPath(raw.fact));
  const found = resolve(ctx, raw.fact);
  if (found.state === 'unknown') return found;
  if (found.state === 'missing') return { state: 'missing', name };
  return {
    state: 'value',
    value: found.value,
    text: `${name} (${formatValue(found.value)})`,
  };
}

const SYMBOLS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function compare(op: keyof typeof SYMBOLS, a: unknown, b: unknown): boolean {
  const comparable =
    (typeof a === 'number' && typeof b === 'number') ||
    (typeof a === 'string' && typeof b === 'string');
  if (!comparable) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case 'gt':
      return x > y;
    case 'gte':
      return x >= y;
    case 'lt':
      return x < y;
    default:
      return x <= y;
  }
}

function lengthOf(value: unknown): { n: number; noun: string } | undefined {
  if (typeof value === 'string') return { n: value.length, noun: 'character' };
  if (Array.isArray(value)) return { n: value.length, noun: 'item' };
  return undefined;
}

const regexCache = new Map<string, RegExp>();

function regex(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    if (regexCache.size >= 1000) regexCache.clear();
    re = new RegExp(pattern, flags);
    regexCache.set(key, re);
  }
  return re;
}

/** Applies one operator to a present value. */
function apply(
  ctx: EvaluationContext,
  cond: FactCondition,
  op: Exclude<Operator, 'exists'>,
  name: string,
  value: unknown,
): ConditionResult {
  const shown = `${name} = ${formatValue(value)}`;
  const verdict = (ok: boolean, pass: string, fail: string) =>
    result(ok ? 'pass' : 'fail', [ok ? pass : fail]);

  if (op === 'in' || op === 'notIn') {
    const list = cond[op] ?? [];
    const listed = list.map(formatValue).join(', ');
    const found = list.some(item => deepEqual(value, item));
    return op === 'in'
      ? verdict(found, shown, `${shown}, needs one of ${listed}`)
      : verdict(!found, shown, `${shown}, must not be one of ${listed}`);
  }
  if (op === 'matches') {
    const re = regex(cond.matches ?? '', cond.flags);
    const shownRe = `/${re.source}/${re.flags}`;
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      return result('fail', [`${shown}, needs a string matching ${shownRe}`]);
    }
    return verdict(
      re.test(String(value)),
      `${shown} matches ${shownRe}`,
      `${shown}, does not match ${shownRe}`,
    );
  }
  if (op === 'minLength' || op === 'maxLength') {
    const limit = cond[op] ?? 0;
    const length = lengthOf(value);
    const bound = op === 'minLength' ? 'at least' : 'at most';
    if (!length) {
      return result('fail', [`${shown}, needs a string or list`]);
    }
    const has = `${name} has ${countOf(length.n, length.noun)}`;
    const ok = op === 'minLength' ? length.n >= limit : length.n <= limit;
    return verdict(
      ok,
      `${has} (${bound} ${limit})`,
      `${has}, needs ${bound} ${limit}`,
    );
  }

  const other = operand(ctx, cond[op]);
  if (other.state === 'unknown') return result('unknown', [other.reason]);
  if (other.state === 'missing') {
    // A present value differs from an absent one; nothing else holds.
    return op === 'ne'
      ? result('pass', [`${shown}, ${other.name} is absent`])
      : result('fail', [`${other.name} is missing`]);
  }
  switch (op) {
    case 'eq':
      return verdict(
        deepEqual(value, other.value),
        shown,
        `${shown}, needs ${other.text}`,
      );
    case 'ne':
      return verdict(
        !deepEqual(value, other.value),
        shown,
        `${shown}, must not be ${other.text}`,
      );
    case 'contains': {
      let ok: boolean;
      if (typeof value === 'string' && typeof other.value === 'string') {
        ok = value.includes(other.value);
      } else if (Array.isArray(value)) {
        ok = value.some(item => deepEqual(item, other.value));
      } else {
        return result('fail', [
          `${shown}, needs a string or list containing ${other.text}`,
        ]);
      }
      return verdict(
        ok,
        `${name} contains ${other.text}`,
        `${name} does not contain ${other.text}`,
      );
    }
    default: {
      const symbol = SYMBOLS[op];
      return verdict(
        compare(op, value, other.value),
        `${shown} (${symbol} ${other.text})`,
        `${shown}, needs ${symbol} ${other.text}`,
      );
    }
  }
}

/**
 * Evaluates a leaf condition. A missing value is a known absence: `exists:
 * false` holds and every other operator fails with "<path> is missing",
 * unless the path is listed in the check's `unknownWhenMissing`.
 */
export function evaluateFactCondition(
  cond: FactCondition,
  ctx: EvaluationContext,
): ConditionResult {
  const trim = cond.trim === true;
  const path = displayPath(factPath(cond.fact));
  const name = trim ? `${path} (trimmed)` : path;
  const resolved = resolve(ctx, cond.fact);
  if (resolved.state === 'unknown') return result('unknown', [resolved.reason]);
  const found =
    trim && resolved.state === 'value' && typeof resolved.value === 'string'
      ? { ...resolved, value: resolved.value.trim() }
      : resolved;

  const results: ConditionResult[] = [];
  for (const op of OPERATORS) {
    if (cond[op] === undefined) continue;
    if (op === 'exists') {
      const present = found.state === 'value';
      const shown = present ? `${name} = ${formatValue(found.value)}` : '';
      results.push(
        cond.exists
          ? result(present ? 'pass' : 'fail', [
              present ? `${path} is present` : `${path} is missing`,
            ])
          : result(present ? 'fail' : 'pass', [
              present ? `${shown}, must be absent` : `${path} is absent`,
            ]),
      );
    } else if (found.state === 'missing') {
      results.push(result('fail', [`${path} is missing`]));
    } else {
      results.push(apply(ctx, cond, op, name, found.value));
    }
  }
  return combineAll(results);
}
