import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  Scorecard,
  scorecardAppliesTo,
} from '@readiness/backstage-plugin-readiness-common';
import {
  ContentFactSource,
  ContentJudgement,
  formatVerdict,
  judgeContent,
  readDirectoryContent,
} from '@readiness/backstage-plugin-readiness-node';
import { kubernetesContentFacts } from '@readiness/backstage-plugin-readiness-backend-module-kubernetes';
import { repositoryContentFacts } from '@readiness/backstage-plugin-readiness-backend-module-repository';
import { examples } from './evaluateWorkspace.examples';

/** The sources `POST /api/readiness/evaluate` derives facts with. */
export const CONTENT_SOURCES: ContentFactSource[] = [
  kubernetesContentFacts,
  repositoryContentFacts,
];

/** Where the manifests are looked for when `manifestsPath` is not given. */
const DEFAULT_MANIFESTS = 'deploy';

/**
 * Creates the `readiness:evaluate` action: evaluates the task workspace (its
 * catalog descriptor, Kubernetes manifests and files) with the evaluator and
 * fact derivation of `POST /api/readiness/evaluate`, stores nothing, and fails
 * when `minimumLevel` is not reached.
 *
 * @public
 */
export function createEvaluateWorkspaceAction(options: {
  /** The scorecards the action may use, e.g. the default one with config overrides. */
  scorecards: () => Promise<Scorecard[]>;
}) {
  return createTemplateAction({
    id: 'readiness:evaluate',
    description:
      'Evaluates the workspace (catalog-info.yaml, Kubernetes manifests and files) against a Readiness scorecard and fails when the minimum level is not reached. Stores nothing.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityPath: z =>
          z
            .string()
            .describe(
              'Catalog descriptor, relative to the workspace. Default catalog-info.yaml.',
            )
            .default('catalog-info.yaml'),
        manifestsPath: z =>
          z
            .string()
            .describe(
              'Directory of Kubernetes manifests, relative to the workspace. Default: deploy, when it exists.',
            )
            .optional(),
        scorecard: z =>
          z
            .string()
            .describe(
              'Scorecard id. Default: the first scorecard that applies to the entity.',
            )
            .optional(),
        minimumLevel: z =>
          z
            .string()
            .describe(
              'Level the automatable checks must reach, or "target" for the scorecard target of the entity tier. The task fails below it.',
            )
            .optional(),
      },
      output: {
        scorecardId: z => z.string().describe('The scorecard evaluated'),
        entityRef: z => z.string().describe('The entity of the descriptor'),
        level: z =>
          z
            .string()
            .describe(
              'Highest level at which no automatable check fails, or "none"',
            ),
        score: z =>
          z
            .number()
            .nullable()
            .describe('Percentage of automatable checks that pass'),
        minimumLevel: z =>
          z.string().nullable().describe('The minimum level applied, if any'),
        failingChecks: z =>
          z
            .array(
              z.object({
                id: z.string(),
                title: z.string(),
                level: z.string(),
                evidence: z.array(
                  z.object({
                    object: z.string().optional(),
                    message: z.string(),
                  }),
                ),
              }),
            )
            .describe('Failing automatable checks with their evidence'),
        unknownChecks: z =>
          z
            .array(z.string())
            .describe(
              'Automatable checks the workspace cannot settle (live state, catalog relations)',
            ),
      },
    },
    async handler(ctx) {
      const { input, workspacePath } = ctx;
      const manifests =
        input.manifestsPath ??
        (await lstat(join(workspacePath, DEFAULT_MANIFESTS)).then(
          stats => (stats.isDirectory() ? DEFAULT_MANIFESTS : undefined),
          () => undefined,
        ));
      const { content, skipped } = await readDirectoryContent({
        repo: workspacePath,
        entity: input.entityPath,
        manifests,
        confine: true,
      });
      if (skipped.length) {
        ctx.logger.warn(
          `Not read: ${skipped.map(s => `${s.path} (${s.reason})`).join(', ')}`,
        );
      }
      const scorecard = pickScorecard(
        await options.scorecards(),
        input.scorecard,
        content.entity,
      );
      let verdict: ContentJudgement;
      try {
        verdict = judgeContent({
          content,
          scorecard,
          sources: CONTENT_SOURCES,
          minimumLevel: input.minimumLevel,
        });
      } catch (error) {
        throw new InputError(`minimumLevel: ${(error as Error).message}`);
      }
      const { entityRef, minimumLevel } = verdict;
      ctx.logger.info(
        formatVerdict(verdict, {
          entityRef,
          minimumLevel: minimumLevel ?? undefined,
        }),
      );
      ctx.output('scorecardId', scorecard.id);
      ctx.output('entityRef', entityRef);
      ctx.output('level', verdict.level ?? 'none');
      ctx.output('score', verdict.score);
      ctx.output('minimumLevel', minimumLevel);
      ctx.output(
        'failingChecks',
        verdict.failing.map(c => ({
          id: c.id,
          title: c.title,
          level: c.level,
          evidence: c.evidence.map(e => ({
            ...(e.object ? { object: e.object } : {}),
            message: e.message,
          })),
        })),
      );
      ctx.output('unknownChecks', verdict.unknown);
      if (!verdict.passed) {
        throw new Error(
          `${entityRef} reaches level ${verdict.level ?? 'none'} on scorecard ${
            scorecard.id
          }, below the minimum level ${minimumLevel}; failing: ${verdict.failing
            .map(c => `${c.id} (${c.level})`)
            .join(', ')}`,
        );
      }
    },
  });
}

function pickScorecard(
  scorecards: Scorecard[],
  id: string | undefined,
  entity: Parameters<typeof scorecardAppliesTo>[1],
): Scorecard {
  if (id) {
    const found = scorecards.find(s => s.id === id);
    if (!found) {
      throw new InputError(
        `scorecard: no scorecard "${id}"; known: ${scorecards
          .map(s => s.id)
          .join(', ')}`,
      );
    }
    return found;
  }
  const applying = scorecards.find(s => scorecardAppliesTo(s, entity));
  if (!applying) {
    throw new InputError(
      `scorecard: none of ${scorecards
        .map(s => s.id)
        .join(', ')} applies to ${stringifyEntityRef(
        entity,
      )}; name one with the scorecard input`,
    );
  }
  return applying;
}
