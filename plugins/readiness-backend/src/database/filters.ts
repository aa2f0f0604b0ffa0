import { Knex } from 'knex';
import { EntityFilters } from './ReadinessStore';

/** Level filter value that matches entities which reached no level. */
export const NO_LEVEL = 'none';

/** Most values bound in one `IN (...)` list, well below every driver's limit. */
const MAX_IN_LIST = 500;

const listFilterColumns = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'tier',
  'kind',
  'type',
] as const;

/**
 * Restricts a query over `readiness_entity_scores` (under `alias`) to the
 * entities matching the filters. The only place filters become SQL.
 */
export function applyEntityFilters<T extends {}, R>(
  query: Knex.QueryBuilder<T, R>,
  filters: EntityFilters,
  alias: string,
): Knex.QueryBuilder<T, R> {
  for (const column of listFilterColumns) {
    const values = filters[column];
    if (values && values.length > 0) {
      query.whereIn(`${alias}.${column}`, values);
    }
  }

  if (filters.level && filters.level.length > 0) {
    const levels = filters.level.filter(level => level !== NO_LEVEL);
    const includeNone = levels.length < filters.level.length;
    query.where(q => {
      if (levels.length > 0) {
        q.whereIn(`${alias}.level`, levels);
      }
      if (includeNone) {
        q.orWhereNull(`${alias}.level`);
      }
    });
  }

  if (filters.entityRefs) {
    // One bound parameter whatever the number of refs: an array on
    // PostgreSQL, a JSON list on SQLite (thousands of IN (...) values would
    // be parsed and planned again by every query).
    const column = `${alias}.entity_ref`;
    if (isPostgres(query)) {
      query.whereRaw('?? = any(?)', [column, filters.entityRefs]);
    } else {
      query.whereRaw('?? in (select value from json_each(?))', [
        column,
        JSON.stringify(filters.entityRefs),
      ]);
    }
  }

  const search = filters.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search.toLowerCase())}%`;
    query.where(q =>
      q
        .whereRaw(`lower(??) like ? escape '\\'`, [
          `${alias}.entity_ref`,
          pattern,
        ])
        .orWhereRaw(`lower(??) like ? escape '\\'`, [
          `${alias}.title`,
          pattern,
        ]),
    );
  }

  return query;
}

function isPostgres(query: Knex.QueryBuilder<any, any>): boolean {
  return (query as any).client.config.client === 'pg';
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, match => `\\${match}`);
}

/**
 * Orders by a column or SQL expression with nulls last in both directions,
 * the same on PostgreSQL and SQLite (whose defaults differ). `expression`
 * is SQL with `??` placeholders for identifiers.
 */
export function orderNullsLast<T extends {}, R>(
  query: Knex.QueryBuilder<T, R>,
  expression: string,
  identifiers: string[],
  order: 'asc' | 'desc',
): Knex.QueryBuilder<T, R> {
  const direction = order === 'desc' ? 'desc' : 'asc';
  return query
    .orderByRaw(`(${expression}) is null`, identifiers)
    .orderByRaw(`${expression} ${direction}`, identifiers);
}

/** The number of rows a query returns, counted in SQL. */
export async function countRows(
  db: Knex,
  query: Knex.QueryBuilder,
): Promise<number> {
  const row = await db.from(query.as('counted')).count({ total: '*' }).first();
  return Number(row?.total ?? 0);
}

/** Splits a list for `IN (...)` queries. */
export function chunks<T>(items: T[], size: number = MAX_IN_LIST): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}
