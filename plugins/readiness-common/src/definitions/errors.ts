/**
 * One problem in a definition document, located by file, scorecard, check
 * and field.
 *
 * @public
 */
export interface ScorecardDefinitionIssue {
  file: string;
  /** The scorecard's id, or `#<n>` (1-based) when it has no usable id. */
  scorecard?: string;
  /** The check's id, or `#<n>` (1-based) when it has no usable id. */
  check?: string;
  /** The field, relative to the check, else the scorecard, else the document. */
  field?: string;
  /** 1-based line in the YAML text, when parsed from text. */
  line?: number;
  /** 1-based column, for YAML syntax errors. */
  column?: number;
  /** What is wrong. */
  message: string;
}

function quoted(label: string): string {
  return label.startsWith('#') ? label : `"${label}"`;
}

/**
 * Formats an issue as
 * `file: scorecard "id", check "id": field "path": message (line n)`.
 *
 * @public
 */
export function formatDefinitionIssue(issue: ScorecardDefinitionIssue): string {
  const where: string[] = [];
  if (issue.scorecard !== undefined) {
    where.push(`scorecard ${quoted(issue.scorecard)}`);
  }
  if (issue.check !== undefined) where.push(`check ${quoted(issue.check)}`);
  const parts = [issue.file];
  if (where.length) parts.push(where.join(', '));
  if (issue.field) parts.push(`field "${issue.field}"`);
  let line = '';
  if (issue.line !== undefined) {
    const column = issue.column !== undefined ? `, column ${issue.column}` : '';
    line = ` (line ${issue.line}${column})`;
  }
  return `${parts.join(': ')}: ${issue.message}${line}`;
}

/**
 * Thrown when scorecard definitions are invalid. The message has one line per
 * issue and names the file, the scorecard, the check and the field.
 *
 * @public
 */
export class ScorecardDefinitionError extends Error {
  readonly issues: ScorecardDefinitionIssue[];

  constructor(issues: ScorecardDefinitionIssue[]) {
    super(issues.map(formatDefinitionIssue).join('\n'));
    this.name = 'ScorecardDefinitionError';
    this.issues = issues;
  }
}
