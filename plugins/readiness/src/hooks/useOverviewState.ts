import { useCallback, useEffect, useState } from 'react';
import {
  READINESS_FILTER_FIELDS,
  ReadinessEntityFilters,
  ReadinessEntityListRequest,
  ReadinessGroupBy,
  ReadinessOverviewRequest,
} from '../api';

/** Everything the overview page keeps in its URL. */
export interface OverviewState {
  scorecard?: string;
  groupBy: ReadinessGroupBy;
  filters: ReadinessEntityFilters;
  /** Days the trend covers. */
  days: number;
  /** The check whose failing entities are shown (drill-down). */
  check?: string;
  groupSort: NonNullable<ReadinessOverviewRequest['sort']>;
  groupOrder: 'asc' | 'desc';
  groupPage: number;
  groupPageSize: number;
  entitySort: NonNullable<ReadinessEntityListRequest['sort']>;
  entityOrder: 'asc' | 'desc';
  entityPage: number;
  entityPageSize: number;
}

const GROUP_BY: ReadinessGroupBy[] = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'tier',
  'kind',
];
const GROUP_SORTS = ['key', 'entities', 'averageScore'] as const;
const ENTITY_SORTS = [
  'entityRef',
  'title',
  'owner',
  'level',
  'score',
  'evaluatedAt',
] as const;

/** The state of an overview URL without parameters. */
export const DEFAULT_OVERVIEW_STATE: OverviewState = {
  groupBy: 'owner',
  filters: {},
  days: 90,
  groupSort: 'key',
  groupOrder: 'asc',
  groupPage: 0,
  groupPageSize: 10,
  entitySort: 'score',
  entityOrder: 'asc',
  entityPage: 0,
  entityPageSize: 25,
};

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function count(value: string | null, fallback: number, max = 10_000): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 0 && n <= max
    ? n
    : fallback;
}

/** Reads the overview state from a query string; unknown values fall back to defaults. */
export function parseOverviewState(search: string): OverviewState {
  const params = new URLSearchParams(search);
  const d = DEFAULT_OVERVIEW_STATE;
  const filters: ReadinessEntityFilters = {};
  for (const field of READINESS_FILTER_FIELDS) {
    const values = params.getAll(field).filter(Boolean);
    if (values.length > 0) {
      filters[field] = values;
    }
  }
  const text = params.get('search');
  if (text) {
    filters.search = text;
  }
  const order = (v: string | null, f: 'asc' | 'desc') =>
    oneOf(v, ['asc', 'desc'] as const, f);
  return {
    scorecard: params.get('scorecard') || undefined,
    groupBy: oneOf(params.get('groupBy'), GROUP_BY, d.groupBy),
    filters,
    days: count(params.get('days'), d.days, 3650) || d.days,
    check: params.get('check') || undefined,
    groupSort: oneOf(params.get('groupSort'), GROUP_SORTS, d.groupSort),
    groupOrder: order(params.get('groupOrder'), d.groupOrder),
    groupPage: count(params.get('groupPage'), d.groupPage),
    groupPageSize:
      count(params.get('groupPageSize'), d.groupPageSize, 500) ||
      d.groupPageSize,
    entitySort: oneOf(params.get('sort'), ENTITY_SORTS, d.entitySort),
    entityOrder: order(params.get('order'), d.entityOrder),
    entityPage: count(params.get('page'), d.entityPage),
    entityPageSize:
      count(params.get('pageSize'), d.entityPageSize, 500) || d.entityPageSize,
  };
}

/** Writes the state as a query string, leaving out defaults. */
export function overviewStateToSearch(state: OverviewState): string {
  const params = new URLSearchParams();
  const d = DEFAULT_OVERVIEW_STATE;
  const put = (
    key: string,
    value: string | number | undefined,
    def?: string | number,
  ) => {
    if (value !== undefined && value !== '' && value !== def) {
      params.set(key, String(value));
    }
  };
  put('scorecard', state.scorecard);
  put('groupBy', state.groupBy, d.groupBy);
  for (const field of READINESS_FILTER_FIELDS) {
    state.filters[field]?.forEach(v => params.append(field, v));
  }
  put('search', state.filters.search?.trim());
  put('days', state.days, d.days);
  put('check', state.check);
  put('groupSort', state.groupSort, d.groupSort);
  put('groupOrder', state.groupOrder, d.groupOrder);
  put('groupPage', state.groupPage, d.groupPage);
  put('groupPageSize', state.groupPageSize, d.groupPageSize);
  put('sort', state.entitySort, d.entitySort);
  put('order', state.entityOrder, d.entityOrder);
  put('page', state.entityPage, d.entityPage);
  put('pageSize', state.entityPageSize, d.entityPageSize);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The overview's state, read from the URL once and written back with
 * `history.replaceState` (as the catalog's entity list does), so that a
 * copied link opens the same grouping, filters, sorting and drill-down.
 */
export function useOverviewState(): [
  OverviewState,
  (patch: Partial<OverviewState>) => void,
] {
  const [state, setState] = useState(() =>
    parseOverviewState(window.location.search),
  );
  const update = useCallback((patch: Partial<OverviewState>) => {
    setState(previous => {
      const next = { ...previous, ...patch };
      // Another selection of entities starts on the first page.
      if (patch.filters || patch.scorecard !== undefined) {
        next.entityPage = patch.entityPage ?? 0;
        next.groupPage = patch.groupPage ?? 0;
      }
      if (patch.groupBy) {
        next.groupPage = patch.groupPage ?? 0;
      }
      return next;
    });
  }, []);
  useEffect(() => {
    const search = overviewStateToSearch(state);
    if (search !== window.location.search) {
      window.history.replaceState(
        window.history.state,
        document.title,
        `${window.location.pathname}${search}${window.location.hash}`,
      );
    }
  }, [state]);
  return [state, update];
}
