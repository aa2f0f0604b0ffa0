import type { Entity } from '@backstage/catalog-model';
import type { Scorecard } from '../definitions/types';
import type {
  CheckResult,
  CheckStatus,
  ScoreSummary,
  StatusCounts,
} from '../types';
import { tierOf, type EntityFilterOptions } from './filter';

const REACHES: ReadonlySet<CheckStatus> = new Set<CheckStatus>([
  'pass',
  'exempt',
  'not-applicable',
]);

/**
 * Counts with every status at zero.
 *
 * @public
 */
export function emptyStatusCounts(): StatusCounts {
  return { pass: 0, fail: 0, 'not-applicable': 0, unknown: 0, exempt: 0 };
}

/**
 * `(pass + exempt) / (all - not-applicable)` as a percentage rounded to one
 * decimal; `null` when every check is not applicable.
 *
 * @public
 */
export function scoreFromCounts(counts: StatusCounts): number | null {
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const denominator = all - counts['not-applicable'];
  if (denominator === 0) return null;
  return Math.round(((counts.pass + counts.exempt) / denominator) * 1000) / 10;
}

/**
 * Level, score, counts, categories and the next level of an entity on a
 * scorecard (readiness-checklist.md section 3). A level is reached when every
 * check of it and of all lower levels is pass, exempt or not applicable; the
 * entity's level is the highest level reached, or `null` ("none"). A check
 * without a result counts as unknown; results of other checks are ignored.
 *
 * @public
 */
export function summarizeResults(
  scorecard: Scorecard,
  results: ReadonlyArray<CheckResult>,
): ScoreSummary {
  const statusOf = new Map(results.map(r => [r.checkId, r.status]));
  const counts = emptyStatusCounts();
  const categories: ScoreSummary['categories'] = {};
  const blockingByLevel = scorecard.levels.map(() => [] as string[]);

  for (const check of scorecard.checks) {
    const status = statusOf.get(check.id) ?? 'unknown';
    counts[status]++;
    const category = (categories[check.category] ??= {
      score: null,
      counts: emptyStatusCounts(),
    });
    category.counts[status]++;
    const levelIndex = scorecard.levels.indexOf(check.level);
    if (!REACHES.has(status) && levelIndex >= 0) {
      blockingByLevel[levelIndex].push(check.id);
    }
  }
  for (const category of Object.values(categories)) {
    category.score = scoreFromCounts(category.counts);
  }

  let level: string | null = null;
  let nextLevel: ScoreSummary['nextLevel'] = null;
  const blocking: string[] = [];
  for (let i = 0; i < scorecard.levels.length; i++) {
    blocking.push(...blockingByLevel[i]);
    if (blocking.length > 0) {
      nextLevel = { level: scorecard.levels[i], blockingCheckIds: blocking };
      break;
    }
    level = scorecard.levels[i];
  }
  return {
    level,
    score: scoreFromCounts(counts),
    counts,
    nextLevel,
    categories,
  };
}

/**
 * The level a scorecard's `targets` expect of an entity: the first target
 * whose tier (from the tier annotation) and lifecycle match; `null` when none
 * does.
 *
 * @public
 */
export function targetLevelFor(
  scorecard: Scorecard,
  entity: Entity,
  options?: EntityFilterOptions,
): string | null {
  const tier = tierOf(entity, options);
  const lifecycle = (entity.spec as { lifecycle?: unknown } | undefined)
    ?.lifecycle;
  const target = (scorecard.targets ?? []).find(
    t =>
      (t.tier === undefined || t.tier === tier) &&
      (t.lifecycle === undefined || t.lifecycle === lifecycle),
  );
  return target?.level ?? null;
}

/**
 * Whether `level` (an entity's level, `null` for none) is at or above
 * `target` in the scorecard's order.
 *
 * @public
 */
export function meetsLevel(
  scorecard: Scorecard,
  level: string | null,
  target: string,
): boolean {
  const targetIndex = scorecard.levels.indexOf(target);
  if (targetIndex < 0) return false;
  return level !== null && scorecard.levels.indexOf(level) >= targetIndex;
}
