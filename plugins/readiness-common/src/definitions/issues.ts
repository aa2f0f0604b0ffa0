import type { z } from 'zod';
import { formatSegments } from '../facts/path';
import { CONDITION_KEYS, CONDITION_UNION_MESSAGE } from './conditionSchema';
import type { ScorecardDefinitionIssue } from './errors';

type Path = Array<string | number>;

/** An issue with its full path from the document root. */
export interface LocatedIssue {
  path: Path;
  message: string;
}

function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** Chooses the branch of a failed condition union that the author meant. */
function conditionBranch(
  value: unknown,
): { index: number } | { message: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { message: `${CONDITION_UNION_MESSAGE}, not ${describe(value)}` };
  }
  const keys = CONDITION_KEYS.filter(k => k in value);
  if (keys.length === 1) return { index: CONDITION_KEYS.indexOf(keys[0]) };
  if (keys.length === 0) {
    const found = Object.keys(value).join(', ') || 'no keys';
    return { message: `${CONDITION_UNION_MESSAGE}; found ${found}` };
  }
  return {
    message: `combines ${keys.join(
      ' and ',
    )} in one condition; wrap them in all: [...]`,
  };
}

function depthOf(issues: ReadonlyArray<z.core.$ZodIssue>): number {
  return Math.max(0, ...issues.map(i => i.path.length));
}

/**
 * Flattens zod issues into located messages: resolves unions to the branch
 * meant, splits unknown keys and rephrases type errors.
 */
export function flattenIssues(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  input: unknown,
  base: Path = [],
): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Path)];
    if (issue.code === 'invalid_union') {
      const value = valueAt(input, path);
      if (issue.message === CONDITION_UNION_MESSAGE) {
        const branch = conditionBranch(value);
        if ('message' in branch || !issue.errors[branch.index]) {
          out.push({
            path,
            message:
              'message' in branch ? branch.message : CONDITION_UNION_MESSAGE,
          });
        } else {
          out.push(...flattenIssues(issue.errors[branch.index], input, path));
        }
        continue;
      }
      const deepest = [...issue.errors].sort(
        (a, b) => depthOf(b) - depthOf(a),
      )[0];
      if (deepest && depthOf(deepest) > 0) {
        out.push(...flattenIssues(deepest, input, path));
      } else {
        out.push({ path, message: issue.message });
      }
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: [...path, key], message: 'is not a known field' });
      }
    } else if (issue.code === 'invalid_type') {
      const value = valueAt(input, path);
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      out.push({
        path,
        message:
          value === undefined
            ? 'is required'
            : `must be ${expected}, not ${describe(value)}`,
      });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

function label(input: unknown, path: Path, index: number): string {
  const id = valueAt(input, [...path, index, 'id']);
  return typeof id === 'string' && id.trim() ? id : `#${index + 1}`;
}

/** Names the scorecard, check and field of a located issue. */
export function toDefinitionIssue(
  issue: LocatedIssue,
  input: unknown,
  file: string,
  lineOf?: (path: Path) => number | undefined,
): ScorecardDefinitionIssue {
  const p = issue.path;
  const result: ScorecardDefinitionIssue = { file, message: issue.message };
  let fieldPath = p;
  if (p[0] === 'scorecards' && typeof p[1] === 'number') {
    result.scorecard = label(input, ['scorecards'], p[1]);
    fieldPath = p.slice(2);
    if (p[2] === 'checks' && typeof p[3] === 'number') {
      result.check = label(input, ['scorecards', p[1], 'checks'], p[3]);
      fieldPath = p.slice(4);
    }
  }
  if (fieldPath.length > 0) result.field = formatSegments(fieldPath);
  if (p.length === 0 && issue.message.startsWith('must be a mapping')) {
    result.message = 'the document must be a mapping with a "scorecards" list';
  }
  const line = lineOf?.(p);
  if (line !== undefined) result.line = line;
  return result;
}
