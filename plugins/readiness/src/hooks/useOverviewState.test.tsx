import { act, renderHook } from '@testing-library/react';
import {
  DEFAULT_OVERVIEW_STATE,
  overviewStateToSearch,
  parseOverviewState,
  useOverviewState,
} from './useOverviewState';

describe('overview URL state', () => {
  it('reads grouping, filters, sorting, paging and drill-down from a query string', () => {
    expect(
      parseOverviewState(
        '?groupBy=tier&owner=group:default/a&owner=group:default/b&level=none&search=pay&days=30&check=k8s-replicas&sort=level&order=desc&page=2&pageSize=50&groupSort=averageScore&groupOrder=desc&groupPage=1',
      ),
    ).toEqual({
      ...DEFAULT_OVERVIEW_STATE,
      groupBy: 'tier',
      filters: {
        owner: ['group:default/a', 'group:default/b'],
        level: ['none'],
        search: 'pay',
      },
      days: 30,
      check: 'k8s-replicas',
      entitySort: 'level',
      entityOrder: 'desc',
      entityPage: 2,
      entityPageSize: 50,
      groupSort: 'averageScore',
      groupOrder: 'desc',
      groupPage: 1,
    });
  });

  it('falls back to defaults for values it does not know', () => {
    expect(
      parseOverviewState(
        '?groupBy=planet&sort=drop+table&order=up&page=-1&pageSize=100000&days=0',
      ),
    ).toEqual(DEFAULT_OVERVIEW_STATE);
  });

  it('writes only what differs from the defaults, and reads back the same state', () => {
    const state = {
      ...DEFAULT_OVERVIEW_STATE,
      groupBy: 'system' as const,
      filters: { kind: ['component'], search: 'x' },
      entityPage: 3,
    };

    const search = overviewStateToSearch(state);

    expect(search).toBe('?groupBy=system&kind=component&search=x&page=3');
    expect(parseOverviewState(search)).toEqual(state);
    expect(overviewStateToSearch(DEFAULT_OVERVIEW_STATE)).toBe('');
  });

  it('replaces the URL as the state changes and starts new selections on the first page', () => {
    window.history.replaceState(null, '', '/readiness?page=4&groupPage=2');
    const { result } = renderHook(() => useOverviewState());
    expect(result.current[0].entityPage).toBe(4);

    act(() => result.current[1]({ filters: { tier: ['1'] } }));

    expect(result.current[0]).toMatchObject({ entityPage: 0, groupPage: 0 });
    expect(window.location.pathname).toBe('/readiness');
    expect(window.location.search).toBe('?tier=1');
  });
});
