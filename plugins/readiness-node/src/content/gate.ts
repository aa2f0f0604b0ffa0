import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CheckResult,
  Scorecard,
  ScorecardEvaluation,
  targetLevelFor,
} from '@readiness/backstage-plugin-readiness-common';
import { EvaluationContent, FactProvider } from '../extensions';
import { evaluateContent } from './evaluateContent';

/**
 * A failing automatable check of a content evaluation, with what was found.
 *
 * @public
 */
export interface FailingCheck {
  id: string;
  title: string;
  level: string;
  category: string;
  source: string;
  evidence: CheckResult['evidence'];
  remediation?: string;
}

/**
 * What a content evaluation says before anything is deployed or attested.
 *
 * @public
 */
export interface ContentVerdict {
  scorecardId: string;
  /**
   * The highest level at which no automatable check (source other than
   * `attestation`) fails; `null` when a bronze check fails. Unknown results
   * (live cluster state, catalog relations) and attestations do not block
   * it, since no checked-out content can settle them.
   */
  level: string | null;
  /** `(pass + exempt) / (all - not-applicable)` over the automatable checks, 0..100. */
  score: number | null;
  /** Status counts over the automatable checks. */
  counts: Record<CheckResult['status'], number>;
  /** Failing automatable checks, lowest level first. */
  failing: FailingCheck[];
  /** Automatable checks that the content cannot settle. */
  unknown: string[];
}

const byLevel = (scorecard: Scorecard) => (level: string) =>
  scorecard.levels.indexOf(level);

/**
 * Judges a content evaluation for gates (the scaffolder action's
 * `minimumLevel`, the CLI's `--min-level`): level, score and failing checks
 * over the automatable checks only.
 *
 * @public
 */
export function contentVerdict(
  scorecard: Scorecard,
  evaluation: ScorecardEvaluation,
): ContentVerdict {
  const rank = byLevel(scorecard);
  const results = new Map(evaluation.results.map(r => [r.checkId, r]));
  const automatable = scorecard.checks.filter(c => c.source !== 'attestation');
  const counts = {
    pass: 0,
    fail: 0,
    'not-applicable': 0,
    unknown: 0,
    exempt: 0,
  };
  const failing: FailingCheck[] = [];
  const unknown: string[] = [];
  for (const check of automatable) {
    const result = results.get(check.id);
    const status = result?.status ?? 'unknown';
    counts[status]++;
    if (status === 'fail') {
      failing.push({
        id: check.id,
        title: check.title,
        level: check.level,
        category: check.category,
        source: check.source,
        evidence: (result?.evidence ?? []).filter(e => e.status === 'fail'),
        remediation: check.remediation?.text,
      });
    } else if (status === 'unknown') {
      unknown.push(check.id);
    }
  }
  failing.sort((a, b) => rank(a.level) - rank(b.level));
  const lowestFailing = failing.length
    ? rank(failing[0].level)
    : scorecard.levels.length;
  const level = lowestFailing > 0 ? scorecard.levels[lowestFailing - 1] : null;
  const judged = automatable.length - counts['not-applicable'];
  const score = judged
    ? Math.round(((counts.pass + counts.exempt) / judged) * 1000) / 10
    : null;
  return {
    scorecardId: scorecard.id,
    level,
    score,
    counts,
    failing,
    unknown,
  };
}

/**
 * Whether `level` is at or above `minimum` in the scorecard's order.
 *
 * @public
 * @throws Error naming the levels when `minimum` is not one of them.
 */
export function reachesLevel(
  scorecard: Scorecard,
  level: string | null,
  minimum: string,
): boolean {
  const wanted = scorecard.levels.indexOf(minimum);
  if (wanted < 0) {
    throw new Error(
      `minimum level "${minimum}" is not a level of scorecard ${
        scorecard.id
      }; use one of ${scorecard.levels.join(', ')}`,
    );
  }
  return level !== null && scorecard.levels.indexOf(level) >= wanted;
}

/**
 * The minimum level a gate applies: `requested` itself when it is a level of
 * the scorecard, the scorecard's target for the entity's tier and lifecycle
 * when it is `target`, and `null` when nothing is requested.
 *
 * @public
 * @throws Error when `requested` is neither a level nor `target`, or when it
 * is `target` and no target of the scorecard matches the entity.
 */
export function minimumLevelFor(
  scorecard: Scorecard,
  entity: Entity,
  requested: string | undefined,
): string | null {
  if (requested === undefined) return null;
  if (requested === 'target') {
    const target = targetLevelFor(scorecard, entity);
    if (!target) {
      throw new Error(
        `minimum level "target": scorecard ${scorecard.id} has no target for ${
          entity.kind
        }:${
          entity.metadata.name
        }; set its readiness/tier annotation or name a level (${scorecard.levels.join(
          ', ',
        )})`,
      );
    }
    return target;
  }
  if (!scorecard.levels.includes(requested)) {
    throw new Error(
      `minimum level "${requested}" is not a level of scorecard ${
        scorecard.id
      }; use one of ${scorecard.levels.join(', ')} or target`,
    );
  }
  return requested;
}

/**
 * A readable summary of a verdict, one line per failing check and its
 * evidence, for task logs and terminals.
 *
 * @public
 */
export function formatVerdict(
  verdict: ContentVerdict,
  options: { entityRef: string; minimumLevel?: string },
): string {
  const lines = [
    `Readiness of ${options.entityRef} on scorecard ${
      verdict.scorecardId
    }: level ${verdict.level ?? 'none'}, score ${
      verdict.score ?? 'n/a'
    }% over automatable checks (${verdict.counts.pass} pass, ${
      verdict.counts.fail
    } fail, ${verdict.counts.unknown} unknown, ${
      verdict.counts['not-applicable']
    } not applicable)`,
  ];
  if (options.minimumLevel) {
    lines.push(`Minimum level: ${options.minimumLevel}`);
  }
  if (verdict.failing.length === 0) {
    lines.push('No automatable check fails.');
  }
  for (const check of verdict.failing) {
    lines.push(`FAIL [${check.level}] ${check.id}: ${check.title}`);
    for (const evidence of check.evidence) {
      const prefix =
        evidence.object && !evidence.message.startsWith(evidence.object)
          ? `${evidence.object}: `
          : '';
      lines.push(`  - ${prefix}${evidence.message}`);
    }
    if (check.remediation) {
      lines.push(`  fix: ${check.remediation.trim().split('\n')[0]}`);
    }
  }
  if (verdict.unknown.length) {
    lines.push(
      `Unknown until deployed or registered (${
        verdict.unknown.length
      }): ${verdict.unknown.join(', ')}`,
    );
  }
  return lines.join('\n');
}

/**
 * A content evaluation judged against a minimum level: what the CLI prints
 * and the `readiness:evaluate` action outputs.
 *
 * @public
 */
export interface ContentJudgement extends ContentVerdict {
  entityRef: string;
  /** The minimum level applied, `null` when none was requested. */
  minimumLevel: string | null;
  /** Whether the level reaches the minimum; `true` without one. */
  passed: boolean;
  /** Every result of the scorecard, attestations included. */
  results: CheckResult[];
}

/**
 * Evaluates content on one scorecard and judges the automatable checks
 * against the requested minimum level (a level, `target`, or none).
 *
 * @public
 * @throws Error from {@link minimumLevelFor} when the minimum is not valid.
 */
export function judgeContent(options: {
  content: EvaluationContent;
  scorecard: Scorecard;
  sources: ReadonlyArray<Pick<FactProvider, 'id' | 'factsFromContent'>>;
  minimumLevel?: string;
}): ContentJudgement {
  const { content, scorecard } = options;
  const minimumLevel = minimumLevelFor(
    scorecard,
    content.entity,
    options.minimumLevel,
  );
  const [evaluation] = evaluateContent({
    content,
    scorecards: [scorecard],
    sources: options.sources,
  });
  const verdict = contentVerdict(scorecard, evaluation);
  return {
    ...verdict,
    entityRef: stringifyEntityRef(content.entity),
    minimumLevel,
    passed: minimumLevel
      ? reachesLevel(scorecard, verdict.level, minimumLevel)
      : true,
    results: evaluation.results,
  };
}
