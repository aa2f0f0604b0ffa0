import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Config } from '@backstage/config';
import {
  mergeScorecards,
  parseScorecardDocument,
  Scorecard,
  ScorecardDefinitionError,
  validateScorecards,
} from '@readiness/backstage-plugin-readiness-common';
import {
  applyScorecardOverrides,
  ContributedScorecards,
  loadDefaultScorecard,
  ScorecardOverrides,
} from '@readiness/backstage-plugin-readiness-node';

/**
 * Loads every scorecard: the default production-readiness scorecard (unless
 * `readiness.defaultScorecard.enabled` is false, with the check overrides of
 * `readiness.defaultScorecard.overrides`), entries of `readiness.scorecards` (inline, or
 * `{ file }` naming a YAML document relative to the working directory) and
 * those contributed by modules. Everything is validated; the first invalid
 * source stops start-up with a `ScorecardDefinitionError` that names the
 * file, the check and the field.
 */
export async function loadScorecards(options: {
  config: Config;
  contributed: ContributedScorecards[];
  workingDirectory?: string;
}): Promise<Scorecard[]> {
  const cwd = options.workingDirectory ?? process.cwd();
  const sources: Array<{ file: string; scorecards: Scorecard[] }> = [];
  const defaults = options.config.getOptionalConfig(
    'readiness.defaultScorecard',
  );
  if (defaults?.getOptionalBoolean('enabled') ?? true) {
    const overrides = (defaults?.getOptional('overrides') ??
      {}) as ScorecardOverrides;
    let scorecard = await loadDefaultScorecard();
    try {
      scorecard = applyScorecardOverrides(scorecard, overrides);
    } catch (e) {
      throw new Error(
        `app-config readiness.defaultScorecard.overrides: ${
          (e as Error).message
        }`,
      );
    }
    sources.push({ file: 'the default scorecard', scorecards: [scorecard] });
  }
  const entries =
    options.config.getOptionalConfigArray('readiness.scorecards') ?? [];
  for (const [index, entry] of entries.entries()) {
    const file = entry.getOptionalString('file');
    if (file) {
      const path = resolve(cwd, file);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        throw new ScorecardDefinitionError([
          {
            file: path,
            message: `cannot be read (named in app-config readiness.scorecards[${index}].file): ${
              (e as Error).message
            }`,
          },
        ]);
      }
      sources.push({
        file: path,
        scorecards: parseScorecardDocument(text, { file: path }),
      });
    } else {
      const label = `app-config readiness.scorecards[${index}]`;
      sources.push({
        file: label,
        scorecards: validateScorecards([entry.get()], { file: label }),
      });
    }
  }
  for (const contribution of options.contributed) {
    sources.push({
      file: contribution.source,
      scorecards: validateScorecards(contribution.scorecards, {
        file: contribution.source,
      }),
    });
  }
  return mergeScorecards(sources);
}
