import { TableColumn } from '@backstage/core-components';

/**
 * A column of a server-sorted table: `sortField` names the backend's sort
 * key; columns without one cannot be sorted.
 */
export type ServerColumn<
  T extends object,
  TSort extends string,
> = TableColumn<T> & {
  sortField?: TSort;
};

/**
 * Columns for material-table that show the server's sort order and never
 * re-sort the page locally (the page already comes sorted).
 */
export function serverSortedColumns<T extends object, TSort extends string>(
  columns: ServerColumn<T, TSort>[],
  sort: TSort,
  order: 'asc' | 'desc',
): TableColumn<T>[] {
  return columns.map(({ sortField, ...column }) => ({
    ...column,
    sorting: !!sortField,
    customSort: () => 0,
    defaultSort: sortField === sort ? order : undefined,
  }));
}

/** Maps material-table's `onOrderChange(columnIndex, direction)` to a server sort. */
export function orderChangeHandler<TSort extends string>(
  columns: Array<{ sortField?: TSort }>,
  fallback: TSort,
  onSortChange: (sort: TSort, order: 'asc' | 'desc') => void,
) {
  return (columnIndex: number, direction: 'asc' | 'desc' | '') => {
    const field = columns[columnIndex]?.sortField;
    if (columnIndex < 0 || !field || !direction) {
      onSortChange(fallback, 'asc');
    } else {
      onSortChange(field, direction);
    }
  };
}
