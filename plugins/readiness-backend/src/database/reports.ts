import { InputError } from '@backstage/errors';
import { CheckStatus } from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import {
  applyEntityFilters,
  countRows,
  NO_LEVEL,
  orderNullsLast,
} from './filters';
import {
  DbNumber,
  EntityScoreRow,
  ResultRow,
  TABLES,
  toDate,
  toNumber,
  toOptionalNumber,
} from './mappers';
import {
  CheckFailureCount,
  CheckResultRow,
  EntityFilters,
  GroupByField,
  OverviewGroup,
  Page,
  PageRequest,
  TrendPoint,
} from './ReadinessStore';

/**
 * The overview, entity table, drill-down and trend queries. Called only by
 * {@link DatabaseReadinessStore}; everything is grouped and paged in SQL.
 */

const groupByColumns: Record<GroupByField, string> = {
  owner: 's.owner',
  system: 's.system',
  domain: 's.domain',
  lifecycle: 's.lifecycle',
  tier: 's.tier',
  kind: 's.kind',
};

/** Drill-down sorts statuses the way the UI lists them. */
const STATUS_SORT_ORDER: CheckStatus[] = [
  'fail',
  'unknown',
  'pass',
  'exempt',
  'not-applicable',
];

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The filtered score rows of a scorecard, aliased `s`. */
export function filteredScores(
  db: Knex,
  scorecardId: string,
  filters: EntityFilters,
): Knex.QueryBuilder {
  return applyEntityFilters(
    db(`${TABLES.scores} as s`).where('s.scorecard_id', scorecardId),
    filters,
    's',
  );
}

export async function getOverview(
  db: Knex,
  options: {
    scorecardId: string;
    /** The scorecard's levels, lowest first. */
    levels: string[];
    groupBy: GroupByField;
    filters: EntityFilters;
    page: PageRequest<'key' | 'entities' | 'averageScore'>;
  },
): Promise<Page<OverviewGroup>> {
  const { scorecardId, levels, groupBy, filters, page } = options;
  const column = groupByColumns[groupBy];
  const scores = () => filteredScores(db, scorecardId, filters);

  // One pass over the score rows: the page of groups, how many groups there
  // are, and how many entities reached each level in all of them (window
  // functions over the grouped rows).
  const query = scores()
    .select({ key: column })
    .count({ entities: '*' })
    .avg({ average_score: 's.score' })
    .select(
      db.raw('sum(case when ?? is null then 1 else 0 end) as ??', [
        's.level',
        'level_none',
      ]),
      db.raw('count(*) over () as ??', ['group_count']),
    )
    .groupBy(column);
  levels.forEach((level, index) =>
    query.select(
      db.raw('sum(case when ?? = ? then 1 else 0 end) as ??', [
        's.level',
        level,
        `level_${index}`,
      ]),
      db.raw('sum(sum(case when ?? = ? then 1 else 0 end)) over () as ??', [
        's.level',
        level,
        `level_${index}_all`,
      ]),
    ),
  );

  const sortExpressions = {
    key: ['??', [column]],
    entities: ['count(*)', []],
    averageScore: ['avg(??)', ['s.score']],
  } as const;
  const [expression, identifiers] = sortExpressions[page.sort];
  orderNullsLast(query, expression, [...identifiers], page.order);
  if (page.sort !== 'key') {
    orderNullsLast(query, '??', [column], 'asc');
  }

  const rows: Array<Record<string, DbNumber | string | null>> = await query
    .limit(page.limit)
    .offset(page.offset);
  if (rows.length === 0) {
    // A page past the last group: only the number of groups is asked.
    return {
      total: await countRows(db, scores().select(column).groupBy(column)),
      items: [],
    };
  }
  // Levels some entity of the filtered set reached, in the scorecard's order.
  const reached = levels.flatMap((level, index) =>
    toNumber(rows[0][`level_${index}_all`] ?? 0) > 0 ? [{ level, index }] : [],
  );
  return {
    total: toNumber(rows[0].group_count ?? 0),
    items: rows.map(row => {
      const counts: Record<string, number> = {};
      for (const { level, index } of reached) {
        counts[level] = toNumber(row[`level_${index}`] ?? 0);
      }
      counts[NO_LEVEL] = toNumber(row.level_none ?? 0);
      return {
        key: row.key === null ? null : String(row.key),
        entities: toNumber(row.entities ?? 0),
        levels: counts,
        averageScore: toOptionalNumber(row.average_score),
      };
    }),
  };
}

export async function getTrend(
  db: Knex,
  options: {
    scorecardId: string;
    filters: EntityFilters;
    from: string;
    to: string;
  },
): Promise<TrendPoint[]> {
  const { scorecardId, filters, from, to } = options;
  if (!dayPattern.test(from) || !dayPattern.test(to)) {
    throw new InputError(`Invalid day range ${from}..${to}, use YYYY-MM-DD`);
  }
  if (from > to) {
    return [];
  }

  // Every day of the range; date arithmetic is the one dialect difference.
  const nextDay =
    db.client.config.client === 'pg'
      ? `to_char(cast(day as date) + 1, 'YYYY-MM-DD')`
      : `date(day, '+1 day')`;
  const days = db.raw(
    `select cast(? as text) as day union all select ${nextDay} from days where day < ?`,
    [from, to],
  );

  // Each history point holds from its day until the entity's next point.
  const spans = applyEntityFilters(
    db(`${TABLES.history} as h`)
      .join(`${TABLES.scores} as s`, join =>
        join
          .on('s.entity_ref', 'h.entity_ref')
          .andOn('s.scorecard_id', 'h.scorecard_id'),
      )
      .where('h.scorecard_id', scorecardId)
      .where('h.day', '<=', to)
      .select('h.level', 'h.score', { valid_from: 'h.day' })
      .select(
        db.raw('lead(??) over (partition by ?? order by ??) as ??', [
          'h.day',
          'h.entity_ref',
          'h.day',
          'valid_to',
        ]),
      ),
    filters,
    's',
  );

  const rows: Array<{
    day: string;
    level: string | null;
    entities: DbNumber;
    score_sum: DbNumber | null;
    scored: DbNumber;
  }> = await db
    .withRecursive('days', ['day'], days)
    .with('spans', spans)
    .from('days as d')
    .join('spans as sp', join =>
      join
        .on('sp.valid_from', '<=', 'd.day')
        .andOn(q => q.onNull('sp.valid_to').orOn('sp.valid_to', '>', 'd.day')),
    )
    .select('d.day', 'sp.level')
    .count({ entities: '*' })
    .sum({ score_sum: 'sp.score' })
    .count({ scored: 'sp.score' })
    .groupBy('d.day', 'sp.level')
    .orderBy('d.day');

  // Fold the (day, level) groups into one point per day with the same keys.
  const levelNames = new Set<string>();
  for (const row of rows) {
    levelNames.add(row.level ?? NO_LEVEL);
  }
  levelNames.add(NO_LEVEL);
  const points = new Map<
    string,
    TrendPoint & { scoreSum: number; scored: number }
  >();
  for (const row of rows) {
    let point = points.get(row.day);
    if (!point) {
      const levels: Record<string, number> = {};
      for (const level of levelNames) {
        levels[level] = 0;
      }
      point = {
        day: row.day,
        levels,
        averageScore: null,
        scoreSum: 0,
        scored: 0,
      };
      points.set(row.day, point);
    }
    point.levels[row.level ?? NO_LEVEL] += toNumber(row.entities);
    point.scoreSum += toOptionalNumber(row.score_sum) ?? 0;
    point.scored += toNumber(row.scored);
  }
  return [...points.values()].map(({ scoreSum, scored, ...point }) => ({
    ...point,
    averageScore: scored > 0 ? scoreSum / scored : null,
  }));
}

/**
 * Whether the filters select every scored entity of the scorecard: no filter
 * at all, or only a list of entity refs (the caller's readable entities) that
 * names all of them, which two counts of score rows tell.
 */
async function coversEveryEntity(
  db: Knex,
  scorecardId: string,
  filters: EntityFilters,
): Promise<boolean> {
  const { entityRefs, ...others } = filters;
  if (Object.values(others).some(v => v !== undefined)) {
    return false;
  }
  if (entityRefs === undefined) {
    return true;
  }
  const [all, selected] = await Promise.all([
    countRows(db, filteredScores(db, scorecardId, {}).select('s.entity_ref')),
    countRows(
      db,
      filteredScores(db, scorecardId, { entityRefs }).select('s.entity_ref'),
    ),
  ]);
  return all === selected;
}

export async function getTopFailingChecks(
  db: Knex,
  options: {
    scorecardId: string;
    filters: EntityFilters;
    limit: number;
  },
): Promise<CheckFailureCount[]> {
  if (await coversEveryEntity(db, options.scorecardId, options.filters)) {
    // Org-wide: the counts kept with the results, not an aggregate of them.
    const counted: Array<{ check_id: string; entities: DbNumber }> = await db(
      TABLES.checkCounts,
    )
      .where({ scorecard_id: options.scorecardId, status: 'fail' })
      .where('entities', '>', 0)
      .select('check_id', 'entities')
      .orderBy([
        { column: 'entities', order: 'desc' },
        { column: 'check_id', order: 'asc' },
      ])
      .limit(options.limit);
    return counted.map(row => ({
      checkId: row.check_id,
      failing: toNumber(row.entities),
    }));
  }
  const rows: Array<{ check_id: string; failing: DbNumber }> =
    await filteredResults(db, options.scorecardId, options.filters)
      .where('r.status', 'fail')
      .select('r.check_id')
      .count({ failing: '*' })
      .groupBy('r.check_id')
      .orderByRaw('count(*) desc')
      .orderBy('r.check_id')
      .limit(options.limit);
  return rows.map(row => ({
    checkId: row.check_id,
    failing: toNumber(row.failing),
  }));
}

export async function getCheckResults(
  db: Knex,
  options: {
    scorecardId: string;
    checkId: string;
    status?: CheckStatus[];
    filters: EntityFilters;
    page: PageRequest<'entityRef' | 'status' | 'evaluatedAt'>;
  },
): Promise<Page<CheckResultRow>> {
  const { scorecardId, checkId, status, filters, page } = options;
  const results = () => {
    const query = filteredResults(db, scorecardId, filters).where(
      'r.check_id',
      checkId,
    );
    return status && status.length > 0
      ? query.whereIn('r.status', status)
      : query;
  };

  const query = results().select(
    'r.entity_ref',
    's.title',
    's.owner',
    'r.status',
    'r.evidence',
    'r.changed_at',
    's.evaluated_at',
  );
  if (page.sort === 'status') {
    const ranks = STATUS_SORT_ORDER.map((_, index) => `when ? then ${index}`);
    query.orderByRaw(
      `case ?? ${ranks.join(' ')} else ${ranks.length} end ${
        page.order === 'desc' ? 'desc' : 'asc'
      }`,
      ['r.status', ...STATUS_SORT_ORDER],
    );
  } else {
    const column =
      page.sort === 'evaluatedAt' ? 's.evaluated_at' : 'r.entity_ref';
    query.orderBy(column, page.order === 'desc' ? 'desc' : 'asc');
  }

  const [rows, total] = await Promise.all([
    query.orderBy('r.entity_ref').limit(page.limit).offset(page.offset),
    countRows(db, results().select('r.entity_ref')),
  ]);
  return {
    total,
    items: rows.map(
      (
        row: Pick<
          ResultRow,
          'entity_ref' | 'status' | 'evidence' | 'changed_at'
        > &
          Pick<EntityScoreRow, 'title' | 'owner' | 'evaluated_at'>,
      ) => ({
        entityRef: row.entity_ref,
        title: row.title,
        owner: row.owner,
        status: row.status,
        evidence: JSON.parse(row.evidence),
        evaluatedAt: toDate(row.evaluated_at),
        changedAt: toDate(row.changed_at),
      }),
    ),
  };
}

/** Results of a scorecard joined to their filtered score rows (`r`, `s`). */
function filteredResults(
  db: Knex,
  scorecardId: string,
  filters: EntityFilters,
): Knex.QueryBuilder {
  return applyEntityFilters(
    db(`${TABLES.results} as r`)
      .join(`${TABLES.scores} as s`, join =>
        join
          .on('s.entity_ref', 'r.entity_ref')
          .andOn('s.scorecard_id', 'r.scorecard_id'),
      )
      .where('r.scorecard_id', scorecardId),
    filters,
    's',
  );
}
