import type {
  EntityCheckResult,
  EntityScorecard,
} from '@readiness/backstage-plugin-readiness-common';

/** How far an entity is from reaching one level of a scorecard. */
export interface LevelProgress {
  level: string;
  reached: boolean;
  /** Checks of this level and below that pass, are exempt or do not apply... */
  done: number;
  /** ...out of the checks of this level and below that apply. */
  total: number;
  /** Failing or unknown checks of this level and below, lowest level first. */
  blocking: EntityCheckResult[];
}

/** `fail` and `unknown` block a level; everything else counts towards it. */
export function isBlocking(check: Pick<EntityCheckResult, 'status'>): boolean {
  return check.status === 'fail' || check.status === 'unknown';
}

/** Failing checks first, then unknown ones; each by level, lowest first. */
export function sortByUrgency(
  checks: EntityCheckResult[],
  levels: string[],
): EntityCheckResult[] {
  const rank = (c: EntityCheckResult) =>
    (c.status === 'fail' ? 0 : 1) * 1000 + Math.max(0, levels.indexOf(c.level));
  return [...checks].sort(
    (a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title),
  );
}

/** Progress towards `level` (reached when every check up to it passes, is exempt or does not apply). */
export function progressTo(
  scorecard: EntityScorecard,
  level: string,
): LevelProgress | undefined {
  const index = scorecard.levels.indexOf(level);
  if (index < 0) {
    return undefined;
  }
  const inScope = scorecard.checks.filter(check => {
    const checkIndex = scorecard.levels.indexOf(check.level);
    return checkIndex >= 0 && checkIndex <= index;
  });
  const applicable = inScope.filter(c => c.status !== 'not-applicable');
  const blocking = sortByUrgency(inScope.filter(isBlocking), scorecard.levels);
  return {
    level,
    reached: blocking.length === 0,
    done: applicable.length - blocking.length,
    total: applicable.length,
    blocking,
  };
}

/** Checks grouped by category, categories in first-seen order. */
export function groupByCategory(
  checks: EntityCheckResult[],
): Array<[string, EntityCheckResult[]]> {
  const groups = new Map<string, EntityCheckResult[]>();
  for (const check of checks) {
    const list = groups.get(check.category) ?? [];
    list.push(check);
    groups.set(check.category, list);
  }
  return [...groups.entries()];
}
