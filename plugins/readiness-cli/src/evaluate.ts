import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { kubernetesContentFacts } from '@readiness/backstage-plugin-readiness-backend-module-kubernetes';
import { repositoryContentFacts } from '@readiness/backstage-plugin-readiness-backend-module-repository';
import {
  CheckStatus,
  parseScorecardDocument,
  Scorecard,
  scorecardAppliesTo,
} from '@readiness/backstage-plugin-readiness-common';
import {
  ContentJudgement,
  judgeContent,
  loadDefaultScorecard,
  readDirectoryContent,
  SkippedPath,
} from '@readiness/backstage-plugin-readiness-node';

/**
 * The JSON the command prints with `--format json`; README.md documents it.
 *
 * @public
 */
export interface EvaluateReport extends Omit<ContentJudgement, 'results'> {
  /** Every check of the scorecard with the evaluator's status, attestations included. */
  checks: Array<{
    id: string;
    level: string;
    source: string;
    status: CheckStatus;
  }>;
  /** Files and directories not read (symbolic links, binaries, oversized). */
  skipped: SkippedPath[];
}

async function loadScorecards(file: string | undefined): Promise<Scorecard[]> {
  if (!file) return [await loadDefaultScorecard()];
  return parseScorecardDocument(await readFile(file, 'utf8'), { file });
}

/**
 * Evaluates directories: reads the entity, the manifests and the repository
 * tree, evaluates the first scorecard that applies (or the one named), and
 * judges the level against the minimum.
 *
 * @public
 */
export async function evaluateDirectories(options: {
  repo: string;
  manifests?: string;
  entity?: string;
  entityName?: string;
  scorecardFile?: string;
  scorecardId?: string;
  minimumLevel?: string;
  cwd: string;
}): Promise<EvaluateReport> {
  const at = (path: string | undefined) =>
    path === undefined ? undefined : resolve(options.cwd, path);
  const { content, skipped } = await readDirectoryContent({
    repo: at(options.repo)!,
    manifests: at(options.manifests),
    entity: at(options.entity),
    entityName: options.entityName,
  });
  const scorecards = await loadScorecards(at(options.scorecardFile));
  const scorecard = options.scorecardId
    ? scorecards.find(s => s.id === options.scorecardId)
    : scorecards.find(s => scorecardAppliesTo(s, content.entity)) ??
      (options.scorecardFile ? scorecards[0] : undefined);
  const entityRef = stringifyEntityRef(content.entity);
  if (!scorecard) {
    throw new Error(
      options.scorecardId
        ? `--scorecard-id: no scorecard "${
            options.scorecardId
          }"; known: ${scorecards.map(s => s.id).join(', ')}`
        : `No scorecard applies to ${entityRef} (kind, spec.type and spec.lifecycle decide); name one with --scorecard-id`,
    );
  }
  const { results, ...judgement } = judgeContent({
    content,
    scorecard,
    sources: [kubernetesContentFacts, repositoryContentFacts],
    minimumLevel: options.minimumLevel,
  });
  const statusOf = new Map(results.map(r => [r.checkId, r.status]));
  return {
    ...judgement,
    checks: scorecard.checks.map(c => ({
      id: c.id,
      level: c.level,
      source: c.source,
      status: statusOf.get(c.id) ?? 'unknown',
    })),
    skipped,
  };
}
