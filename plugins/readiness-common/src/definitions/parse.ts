import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { ScorecardDefinitionError } from './errors';
import { flattenIssues, toDefinitionIssue } from './issues';
import { scorecardDocumentSchema } from './schema';
import type { Scorecard } from './types';

/**
 * Where a definition comes from, for error messages.
 *
 * @public
 */
export interface DefinitionSourceOptions {
  /** A file name or other label, e.g. `scorecards.yaml` or `app-config readiness.scorecards`. */
  file: string;
}

type Path = Array<string | number>;

function validate(
  value: unknown,
  file: string,
  lineOf?: (path: Path) => number | undefined,
): Scorecard[] {
  const input = Array.isArray(value) ? { scorecards: value } : value;
  const parsed = scorecardDocumentSchema.safeParse(input);
  if (parsed.success) return parsed.data.scorecards;
  const issues = flattenIssues(parsed.error.issues, input).map(issue =>
    toDefinitionIssue(issue, input, file, lineOf),
  );
  throw new ScorecardDefinitionError(issues);
}

/**
 * Validates an already parsed definition: a document `{ scorecards: [...] }`
 * or a bare list of scorecards (e.g. from app-config).
 *
 * @public
 * @throws ScorecardDefinitionError naming file, scorecard, check and field.
 */
export function validateScorecards(
  value: unknown,
  options: DefinitionSourceOptions,
): Scorecard[] {
  return validate(value, options.file);
}

function lineFinder(doc: Document, lineCounter: LineCounter) {
  return (path: Path): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return undefined;
  };
}

/**
 * Parses and validates a YAML definition document.
 *
 * @public
 * @throws ScorecardDefinitionError for YAML syntax errors (with line and
 * column) and for invalid definitions (with scorecard, check, field and line).
 */
export function parseScorecardDocument(
  text: string,
  options: DefinitionSourceOptions,
): Scorecard[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScorecardDefinitionError(
      doc.errors.map(error => {
        const pos = error.linePos?.[0];
        const summary = error.message
          .split('\n')[0]
          .replace(/ at line \d+, column \d+:?$/, '');
        return {
          file: options.file,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
          message: `YAML syntax error: ${summary}`,
        };
      }),
    );
  }
  let value: unknown;
  try {
    // Aliases are expanded at most 100 times: a "billion laughs" document
    // is refused instead of filling the memory.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ScorecardDefinitionError([
      {
        file: options.file,
        message: `YAML document refused: ${(error as Error).message}`,
      },
    ]);
  }
  return validate(value, options.file, lineFinder(doc, lineCounter));
}

/**
 * Combines scorecards from several sources (files, config), rejecting a
 * scorecard id defined by two of them.
 *
 * @public
 * @throws ScorecardDefinitionError naming both sources.
 */
export function mergeScorecards(
  sources: ReadonlyArray<{
    file: string;
    scorecards: ReadonlyArray<Scorecard>;
  }>,
): Scorecard[] {
  const origin = new Map<string, string>();
  const merged: Scorecard[] = [];
  const issues = [];
  for (const source of sources) {
    for (const scorecard of source.scorecards) {
      const first = origin.get(scorecard.id);
      if (first !== undefined) {
        issues.push({
          file: source.file,
          scorecard: scorecard.id,
          message: `is already defined in ${first}`,
        });
        continue;
      }
      origin.set(scorecard.id, source.file);
      merged.push(scorecard);
    }
  }
  if (issues.length > 0) throw new ScorecardDefinitionError(issues);
  return merged;
}
