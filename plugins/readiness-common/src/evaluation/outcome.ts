import type { CheckStatus, Evidence } from '../types';

/** The three-valued result of a condition (Kleene logic). */
export type Outcome = 'pass' | 'fail' | 'unknown';

/** A condition's outcome and the messages that explain it. */
export interface ConditionResult {
  outcome: Outcome;
  /** Why, phrased for the service owner; at most {@link MAX_MESSAGES}. */
  messages: string[];
  /** How many further messages were left out. */
  omitted: number;
}

/** Messages kept per condition result. */
export const MAX_MESSAGES = 10;

/** Evidence entries kept per check result, before "and N more". */
export const MAX_EVIDENCE = 20;

/** Builds a result, dropping duplicate messages and keeping at most {@link MAX_MESSAGES}. */
export function result(
  outcome: Outcome,
  messages: string[],
  omitted = 0,
): ConditionResult {
  const unique = [...new Set(messages)];
  return {
    outcome,
    messages: unique.slice(0, MAX_MESSAGES),
    omitted: omitted + Math.max(0, unique.length - MAX_MESSAGES),
  };
}

/** Joins the results that share `outcome`, prefixing each message. */
function collect(
  outcome: Outcome,
  results: ReadonlyArray<ConditionResult>,
  prefix: (index: number) => string = () => '',
): ConditionResult {
  const messages: string[] = [];
  let omitted = 0;
  results.forEach((r, index) => {
    if (r.outcome !== outcome) return;
    const p = prefix(index);
    messages.push(...r.messages.map(m => `${p}${m}`));
    omitted += r.omitted;
  });
  return result(outcome, messages, omitted);
}

/**
 * The aggregation rule of the checklist: any fail fails; otherwise any
 * unknown is unknown; otherwise pass.
 */
export function aggregate(outcomes: Iterable<Outcome>): Outcome {
  let sawUnknown = false;
  for (const o of outcomes) {
    if (o === 'fail') return 'fail';
    if (o === 'unknown') sawUnknown = true;
  }
  return sawUnknown ? 'unknown' : 'pass';
}

/** `all`: {@link aggregate}, explained by the results that decided it. */
export function combineAll(
  results: ReadonlyArray<ConditionResult>,
  prefix?: (index: number) => string,
): ConditionResult {
  return collect(aggregate(results.map(r => r.outcome)), results, prefix);
}

/** `any`: any pass passes; otherwise any unknown is unknown; otherwise fail. */
export function combineAny(
  results: ReadonlyArray<ConditionResult>,
  prefix?: (index: number) => string,
): ConditionResult {
  const outcomes = results.map(r => r.outcome);
  let outcome: Outcome = 'fail';
  if (outcomes.includes('pass')) outcome = 'pass';
  else if (outcomes.includes('unknown')) outcome = 'unknown';
  return collect(outcome, results, prefix);
}

/** `not`: swaps pass and fail; unknown stays unknown. */
export function negate(r: ConditionResult): ConditionResult {
  const flipped: Record<Outcome, Outcome> = {
    pass: 'fail',
    fail: 'pass',
    unknown: 'unknown',
  };
  return { ...r, outcome: flipped[r.outcome] };
}

/** "1 item", "3 items". */
export function countOf(n: number, noun = 'item'): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Formats a value for a message: JSON, cut to 80 characters. */
export function formatValue(value: unknown): string {
  const text =
    value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One evidence entry from a condition result, optionally about an object. */
export function toEvidence(r: ConditionResult, object?: string): Evidence {
  const parts = r.messages.length
    ? [...r.messages]
    : [r.outcome === 'pass' ? 'condition holds' : 'condition does not hold'];
  if (r.omitted > 0) parts.push(`and ${r.omitted} more`);
  const text = parts.join('; ');
  return {
    ...(object !== undefined ? { object } : {}),
    status: r.outcome,
    message: object !== undefined ? `${object}: ${text}` : text,
  };
}

const SEVERITY: Record<CheckStatus, number> = {
  fail: 0,
  unknown: 1,
  exempt: 2,
  pass: 3,
  'not-applicable': 4,
};

/**
 * Orders evidence failures first and keeps at most {@link MAX_EVIDENCE}
 * entries, followed by one "and N more" entry.
 */
export function boundEvidence(
  evidence: ReadonlyArray<Evidence>,
  max = MAX_EVIDENCE,
): Evidence[] {
  const sorted = [...evidence].sort(
    (a, b) => SEVERITY[a.status] - SEVERITY[b.status],
  );
  if (sorted.length <= max) return sorted;
  const rest = sorted.slice(max);
  return [
    ...sorted.slice(0, max),
    { status: rest[0].status, message: `and ${rest.length} more` },
  ];
}
