import { Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Typography } from '@material-ui/core';
import type { EntityScoreRow } from '@readiness/backstage-plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import {
  readinessApiRef,
  ReadinessEntityFilters,
  ReadinessEntityListRequest,
} from '../../api';
import {
  formatRelativeTime,
  formatScore,
  formatTimestamp,
} from '../../utils/format';
import {
  orderChangeHandler,
  ServerColumn,
  serverSortedColumns,
} from '../../utils/serverTable';
import { LevelChip } from '../LevelChip';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

type EntitySort = NonNullable<ReadinessEntityListRequest['sort']>;

/**
 * Props of {@link EntityScoreTable}.
 *
 * @public
 */
export interface EntityScoreTableProps {
  scorecard: string;
  levels: string[];
  filters: ReadinessEntityFilters;
  page: number;
  pageSize: number;
  sort: EntitySort;
  order: 'asc' | 'desc';
  onPageChange(page: number, pageSize: number): void;
  onSortChange(sort: EntitySort, order: 'asc' | 'desc'): void;
}

/**
 * Every filtered entity with its level, score and failing checks; the
 * backend pages and sorts, so it stays fast with tens of thousands.
 *
 * @public
 */
export function EntityScoreTable(props: EntityScoreTableProps) {
  const { scorecard, levels, filters, page, pageSize, sort, order } = props;
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(
    () =>
      api.listEntityScores({
        scorecard,
        filters,
        sort,
        order,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [api, scorecard, JSON.stringify(filters), sort, order, page, pageSize],
  );

  const columns: ServerColumn<EntityScoreRow, EntitySort>[] = [
    {
      title: 'Entity',
      sortField: 'entityRef',
      render: row => (
        <EntityRefLink
          entityRef={row.entityRef}
          title={row.title ?? undefined}
        />
      ),
    },
    {
      title: 'Owner',
      sortField: 'owner',
      render: row =>
        row.owner ? <EntityRefLink entityRef={row.owner} /> : '—',
    },
    {
      title: 'Level',
      sortField: 'level',
      render: row => <LevelChip level={row.level} levels={levels} />,
    },
    {
      title: 'Score',
      sortField: 'score',
      render: row => formatScore(row.score),
    },
    {
      title: 'Failing',
      render: row => row.counts.fail,
    },
    {
      title: 'Unknown',
      render: row => row.counts.unknown,
    },
    {
      title: 'Evaluated',
      sortField: 'evaluatedAt',
      render: row => (
        <span title={formatTimestamp(row.evaluatedAt)}>
          {formatRelativeTime(row.evaluatedAt)}
        </span>
      ),
    },
  ];

  if (error) {
    return (
      <ReadinessErrorPanel error={error} title="Could not load entities" />
    );
  }
  return (
    <Table<EntityScoreRow>
      title="Entities"
      subtitle={value ? `${value.total} entities` : undefined}
      isLoading={loading}
      columns={serverSortedColumns(columns, sort, order)}
      data={value?.items ?? []}
      page={page}
      totalCount={value?.total ?? 0}
      onPageChange={props.onPageChange}
      onRowsPerPageChange={size => props.onPageChange(0, size)}
      onOrderChange={orderChangeHandler(columns, 'score', props.onSortChange)}
      options={{
        paging: true,
        pageSize,
        pageSizeOptions: [10, 25, 50, 100],
        search: false,
        sorting: true,
        padding: 'dense',
        emptyRowsWhenPaging: false,
      }}
      emptyContent={
        <Box padding={2}>
          <Typography variant="body2">
            {loading ? 'Loading…' : 'No entity matches the filters.'}
          </Typography>
        </Box>
      }
    />
  );
}
