import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  CheckDefinition,
  EntityFilter,
  parseScorecardDocument,
  Scorecard,
  ScorecardDefinitionError,
  ScorecardDefinitionIssue,
  validateScorecards,
} from '@readiness/backstage-plugin-readiness-common';

const PACKAGE_NAME = '@readiness/backstage-plugin-readiness-node';

/** The scorecard document, relative to the package; it ends with `checks:`. */
const SCORECARD_FILE = 'scorecards/production-readiness.yaml';

/** One YAML list of checks per category, appended in file-name order. */
const CHECKS_DIRECTORY = 'scorecards/production-readiness';

interface Part {
  /** Path relative to the package, for error messages. */
  file: string;
  text: string;
}

interface Assembled {
  text: string;
  /** First line (1-based) of each part in `text`, and the indent added to it. */
  starts: Array<{ file: string; line: number; indent: number }>;
}

function lineCount(text: string): number {
  return text.endsWith('\n')
    ? text.split('\n').length - 1
    : text.split('\n').length;
}

/**
 * Appends the check lists to the `checks:` key that ends the scorecard
 * document, indenting them below it, so that the whole is parsed (and its
 * errors reported) as one YAML document.
 */
function assemble(scorecard: Part, checkLists: Part[]): Assembled {
  const lines = scorecard.text.replace(/\s+$/, '').split('\n');
  const match = /^(\s*)checks:\s*(#.*)?$/.exec(lines[lines.length - 1]);
  if (!match) {
    throw new ScorecardDefinitionError([
      {
        file: scorecard.file,
        line: lines.length,
        message:
          'must end with the key "checks:" that the check files are appended to',
      },
    ]);
  }
  const indent = `${match[1]}  `;
  let text = `${lines.join('\n')}\n`;
  const starts = [{ file: scorecard.file, line: 1, indent: 0 }];
  for (const part of checkLists) {
    starts.push({
      file: part.file,
      line: lineCount(text) + 1,
      indent: indent.length,
    });
    const body = part.text.endsWith('\n') ? part.text : `${part.text}\n`;
    text += body.replace(/^(?=.)/gm, indent);
  }
  return { text, starts };
}

/** Points an issue's line at the file it comes from. */
function relocate(
  issue: ScorecardDefinitionIssue,
  starts: Assembled['starts'],
): ScorecardDefinitionIssue {
  if (issue.line === undefined) return issue;
  const start = [...starts].reverse().find(s => s.line <= issue.line!);
  if (!start) return issue;
  const relocated = {
    ...issue,
    file: start.file,
    line: issue.line - start.line + 1,
  };
  if (issue.column !== undefined) {
    relocated.column = Math.max(1, issue.column - start.indent);
  }
  return relocated;
}

/**
 * Parses the default scorecard from its files: the scorecard document and the
 * check lists, in order. Exported for tests.
 *
 * @internal
 */
export function parseDefaultScorecard(
  scorecard: Part,
  checkLists: Part[],
): Scorecard {
  const { text, starts } = assemble(scorecard, checkLists);
  let scorecards: Scorecard[];
  try {
    scorecards = parseScorecardDocument(text, { file: scorecard.file });
  } catch (error) {
    if (error instanceof ScorecardDefinitionError) {
      throw new ScorecardDefinitionError(
        error.issues.map(issue => relocate(issue, starts)),
      );
    }
    throw error;
  }
  if (scorecards.length !== 1) {
    throw new ScorecardDefinitionError([
      {
        file: scorecard.file,
        message: `must define exactly one scorecard, found ${scorecards.length}`,
      },
    ]);
  }
  return scorecards[0];
}

/**
 * Loads the default scorecard `production-readiness` that ships with this
 * package: the checks of the production-readiness checklist (101 checks in
 * 12 categories, levels bronze, silver and gold), validated like any other
 * definition. Every check is described in `docs/checks.md`.
 *
 * @public
 * @throws ScorecardDefinitionError when a shipped file is invalid.
 */
export async function loadDefaultScorecard(): Promise<Scorecard> {
  const read = async (file: string): Promise<Part> => ({
    file,
    text: await readFile(resolvePackagePath(PACKAGE_NAME, file), 'utf8'),
  });
  const directory = resolvePackagePath(PACKAGE_NAME, CHECKS_DIRECTORY);
  const names = (await readdir(directory))
    .filter(name => /\.ya?ml$/.test(name))
    .sort();
  const scorecard = await read(SCORECARD_FILE);
  const checkLists = await Promise.all(
    names.map(name => read(join(CHECKS_DIRECTORY, name))),
  );
  return parseDefaultScorecard(scorecard, checkLists);
}

/**
 * Changes an adopter makes to one check of a scorecard.
 *
 * @public
 */
export interface ScorecardCheckOverride {
  /** `false` removes the check, and removes it from other checks' `requires`. */
  enabled?: boolean;
  /** Moves the check to another of the scorecard's levels. */
  level?: string;
  /** Replaces the check's applicability filter. */
  applicability?: EntityFilter;
}

/**
 * Overrides by check id, e.g. `{ 'cicd-lead-time': { enabled: false } }`.
 *
 * @public
 */
export type ScorecardOverrides = Record<string, ScorecardCheckOverride>;

const OVERRIDE_FIELDS = ['enabled', 'level', 'applicability'];

function overrideError(checkId: string, field: string, message: string) {
  return new Error(
    `Invalid override of scorecard check "${checkId}": field "${field}" ${message}`,
  );
}

/**
 * Applies overrides to a scorecard and returns the changed copy; the input is
 * not modified. The result is validated again, so an invalid applicability
 * filter is reported like an invalid definition.
 *
 * @public
 * @throws Error naming the check id and the field when an override names a
 * check or a level that the scorecard does not have, or an unknown field.
 */
export function applyScorecardOverrides(
  scorecard: Scorecard,
  overrides: ScorecardOverrides,
): Scorecard {
  const ids = new Set(scorecard.checks.map(c => c.id));
  const disabled = new Set<string>();
  for (const [checkId, override] of Object.entries(overrides)) {
    if (!ids.has(checkId)) {
      throw new Error(
        `Invalid override of scorecard check "${checkId}": scorecard "${scorecard.id}" has no check with this id`,
      );
    }
    if (typeof override !== 'object' || override === null) {
      throw overrideError(checkId, checkId, 'must be a mapping');
    }
    for (const field of Object.keys(override)) {
      if (!OVERRIDE_FIELDS.includes(field)) {
        throw overrideError(
          checkId,
          field,
          `is not a known field; use ${OVERRIDE_FIELDS.join(', ')}`,
        );
      }
    }
    if (
      override.enabled !== undefined &&
      typeof override.enabled !== 'boolean'
    ) {
      throw overrideError(checkId, 'enabled', 'must be true or false');
    }
    if (
      override.level !== undefined &&
      !scorecard.levels.includes(override.level)
    ) {
      throw overrideError(
        checkId,
        'level',
        `is "${
          override.level
        }", which is not one of the levels ${scorecard.levels.join(', ')}`,
      );
    }
    if (override.enabled === false) disabled.add(checkId);
  }

  const checks = scorecard.checks
    .filter(check => !disabled.has(check.id))
    .map(check => {
      const override = overrides[check.id];
      const next: CheckDefinition = { ...check };
      if (override?.level !== undefined) next.level = override.level;
      if (override?.applicability !== undefined) {
        next.applicability = override.applicability;
      }
      if (check.requires?.some(id => disabled.has(id))) {
        const requires = check.requires.filter(id => !disabled.has(id));
        if (requires.length > 0) {
          next.requires = requires;
        } else {
          delete next.requires;
        }
      }
      return next;
    });
  const [result] = validateScorecards([{ ...scorecard, checks }], {
    file: `overrides of scorecard "${scorecard.id}"`,
  });
  return result;
}
