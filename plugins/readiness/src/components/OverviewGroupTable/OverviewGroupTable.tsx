import { Table } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Typography } from '@material-ui/core';
import type { OverviewGroupRow } from '@readiness/backstage-plugin-readiness-common';
import { ReadinessGroupBy, ReadinessOverviewRequest } from '../../api';
import { formatScore } from '../../utils/format';
import { formatGroupKey, isEntityRef } from '../../utils/groupKeys';
import { levelLabel, orderedLevelKeys } from '../../utils/levels';
import {
  orderChangeHandler,
  ServerColumn,
  serverSortedColumns,
} from '../../utils/serverTable';
import { LevelChip } from '../LevelChip';

type GroupSort = NonNullable<ReadinessOverviewRequest['sort']>;

/**
 * Props of {@link OverviewGroupTable}.
 *
 * @public
 */
export interface OverviewGroupTableProps {
  groupBy: ReadinessGroupBy;
  groupByLabel: string;
  levels: string[];
  items: OverviewGroupRow[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: GroupSort;
  order: 'asc' | 'desc';
  onPageChange(page: number, pageSize: number): void;
  onSortChange(sort: GroupSort, order: 'asc' | 'desc'): void;
  /** Narrows the overview to one group. */
  onSelectGroup(key: string): void;
}

/**
 * One row per group with its entity count, level distribution and average
 * score; paged and sorted by the backend.
 *
 * @public
 */
export function OverviewGroupTable(props: OverviewGroupTableProps) {
  const { groupBy, groupByLabel, levels, items } = props;
  const keys = orderedLevelKeys(
    levels,
    items.map(i => i.levels),
  );
  const columns: ServerColumn<OverviewGroupRow, GroupSort>[] = [
    {
      title: groupByLabel,
      sortField: 'key',
      render: row =>
        row.key && isEntityRef(row.key) ? (
          <EntityRefLink entityRef={row.key} />
        ) : (
          <Typography variant="body2">{formatGroupKey(row.key)}</Typography>
        ),
    },
    {
      title: 'Entities',
      field: 'entities',
      sortField: 'entities',
      type: 'numeric',
    },
    {
      title: 'Levels',
      render: row => (
        <Box display="flex" flexWrap="wrap" gridGap={6}>
          {keys
            .filter(k => row.levels[k])
            .map(k => (
              <Box key={k} display="flex" alignItems="center" gridGap={4}>
                <LevelChip level={k === 'none' ? null : k} levels={levels} />
                <Typography
                  variant="body2"
                  aria-label={`${levelLabel(k)} entities`}
                >
                  {row.levels[k]}
                </Typography>
              </Box>
            ))}
        </Box>
      ),
    },
    {
      title: 'Average score',
      sortField: 'averageScore',
      render: row => formatScore(row.averageScore),
    },
    {
      title: '',
      render: row =>
        row.key !== null && (
          <Button size="small" onClick={() => props.onSelectGroup(row.key!)}>
            Filter
          </Button>
        ),
    },
  ];
  return (
    <Table<OverviewGroupRow>
      title={`By ${groupByLabel.toLocaleLowerCase('en-US')}`}
      subtitle={`${props.total} groups`}
      isLoading={props.loading}
      columns={serverSortedColumns(columns, props.sort, props.order)}
      data={items}
      page={props.page}
      totalCount={props.total}
      onPageChange={props.onPageChange}
      onRowsPerPageChange={pageSize => props.onPageChange(0, pageSize)}
      onOrderChange={orderChangeHandler(columns, 'key', props.onSortChange)}
      options={{
        paging: true,
        pageSize: props.pageSize,
        pageSizeOptions: [10, 25, 50],
        search: false,
        sorting: true,
        padding: 'dense',
        emptyRowsWhenPaging: false,
      }}
      emptyContent={
        <Box padding={2}>
          <Typography variant="body2">No group matches the filters.</Typography>
        </Box>
      }
      key={groupBy}
    />
  );
}
