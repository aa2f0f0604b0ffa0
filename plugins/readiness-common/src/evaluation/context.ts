import type { EntityFacts } from '../facts/types';
import {
  displayPath,
  factPath,
  lookup,
  type Lookup,
  type ParsedPath,
} from '../facts/path';

/** What a condition is evaluated against. */
export interface EvaluationContext {
  facts: EntityFacts;
  /** The objects of enclosing `forEach` and quantifiers, innermost last. */
  scopes: unknown[];
  /** Paths whose absence makes a check unknown rather than failing. */
  unknownWhenMissing: ParsedPath[];
}

/** A fact path looked up in a context. */
export type Resolved =
  | { state: 'value'; value: unknown }
  | { state: 'missing' }
  | { state: 'unknown'; reason: string };

/** Creates the context for one check. */
export function createContext(
  facts: EntityFacts,
  unknownWhenMissing: ReadonlyArray<string> = [],
): EvaluationContext {
  return {
    facts,
    scopes: [],
    unknownWhenMissing: unknownWhenMissing.map(factPath),
  };
}

/** A context whose current object (`$`) is `object`. */
export function withScope(
  ctx: EvaluationContext,
  object: unknown,
): EvaluationContext {
  return { ...ctx, scopes: [...ctx.scopes, object] };
}

/**
 * Why a source's facts cannot be used, or undefined when they can. A source
 * that is not in the facts at all counts as missing.
 */
export function sourceUnavailable(
  facts: EntityFacts,
  sourceId: string,
): string | undefined {
  const source = facts.sources[sourceId];
  if (!source) return `no ${sourceId} facts were collected`;
  if (source.status === 'ok') return undefined;
  const detail = source.error ? `: ${source.error}` : '';
  switch (source.status) {
    case 'error':
      return `${sourceId} facts could not be collected${detail}`;
    case 'stale':
      return `${sourceId} facts are stale${
        source.collectedAt ? ` (last collected ${source.collectedAt})` : ''
      }${detail}`;
    default:
      return `${sourceId} facts are missing${detail}`;
  }
}

type Root =
  | { state: 'root'; value: unknown; start: number }
  | { state: 'unknown'; reason: string };

function rootOf(ctx: EvaluationContext, path: ParsedPath): Root {
  if (path.depth > 0) {
    const index = ctx.scopes.length - path.depth;
    if (index < 0) {
      return {
        state: 'unknown',
        reason: `${path.text} is used outside of forEach or a quantifier`,
      };
    }
    return { state: 'root', value: ctx.scopes[index], start: 0 };
  }
  const first = path.segments[0] as string;
  if (first === 'entity') {
    return { state: 'root', value: ctx.facts.entity, start: 1 };
  }
  const reason = sourceUnavailable(ctx.facts, first);
  if (reason) return { state: 'unknown', reason };
  const source = ctx.facts.sources[first];
  return {
    state: 'root',
    value: source?.status === 'ok' ? source.data : undefined,
    start: 1,
  };
}

function lookupPath(ctx: EvaluationContext, path: ParsedPath): Lookup | Root {
  const root = rootOf(ctx, path);
  if (root.state === 'unknown') return root;
  return lookup(root.value, path.segments, root.start);
}

function isPrefix(prefix: ParsedPath, path: ParsedPath): boolean {
  return (
    prefix.depth === path.depth &&
    prefix.segments.length <= path.segments.length &&
    prefix.segments.every((s, i) => s === path.segments[i])
  );
}

/**
 * The listed `unknownWhenMissing` path that explains why `path` is missing:
 * the path itself or one of its ancestors, when that is missing too.
 */
function missingMakesUnknown(
  ctx: EvaluationContext,
  path: ParsedPath,
): ParsedPath | undefined {
  return ctx.unknownWhenMissing.find(
    listed =>
      isPrefix(listed, path) && lookupPath(ctx, listed).state === 'missing',
  );
}

/** Looks a fact path up: a value, a known absence, or unknown with a reason. */
export function resolve(ctx: EvaluationContext, text: string): Resolved {
  const path = factPath(text);
  const found = lookupPath(ctx, path);
  if (found.state === 'unknown') return found;
  if (found.state === 'value') return found;
  const listed = missingMakesUnknown(ctx, path);
  if (listed) {
    return { state: 'unknown', reason: `${displayPath(listed)} is missing` };
  }
  return { state: 'missing' };
}
