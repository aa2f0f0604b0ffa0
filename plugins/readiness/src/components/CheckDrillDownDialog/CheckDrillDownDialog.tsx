import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@material-ui/core';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import type {
  CheckDefinition,
  CheckStatus,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  readinessApiRef,
  ReadinessCheckResultRow,
  ReadinessEntityFilters,
} from '../../api';
import { formatRelativeTime, formatTimestamp } from '../../utils/format';
import { levelLabel } from '../../utils/levels';
import { StatusChip } from '../StatusChip';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

const STATUS_CHOICES: Record<string, CheckStatus[]> = {
  fail: ['fail'],
  unknown: ['unknown'],
  blocking: ['fail', 'unknown'],
};

/**
 * Props of {@link CheckDrillDownDialog}.
 *
 * @public
 */
export interface CheckDrillDownDialogProps {
  checkId: string;
  check?: CheckDefinition;
  scorecard: string;
  filters: ReadinessEntityFilters;
  onClose(): void;
}

/**
 * The entities failing one check and why (their evidence), paged by the
 * backend.
 *
 * @public
 */
export function CheckDrillDownDialog(props: CheckDrillDownDialogProps) {
  const { checkId, check, scorecard, filters, onClose } = props;
  const api = useApi(readinessApiRef);
  const [statusChoice, setStatusChoice] = useState('fail');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(10);
  const { value, loading, error } = useAsync(
    () =>
      api.getCheckResults(checkId, {
        scorecard,
        filters,
        status: STATUS_CHOICES[statusChoice],
        limit: pageSize,
        offset: page * pageSize,
      }),
    [
      api,
      checkId,
      scorecard,
      JSON.stringify(filters),
      statusChoice,
      page,
      pageSize,
    ],
  );

  const columns: TableColumn<ReadinessCheckResultRow>[] = [
    {
      title: 'Entity',
      render: row => (
        <EntityRefLink
          entityRef={row.entityRef}
          title={row.title ?? undefined}
        />
      ),
    },
    {
      title: 'Owner',
      render: row =>
        row.owner ? <EntityRefLink entityRef={row.owner} /> : '—',
    },
    { title: 'Status', render: row => <StatusChip status={row.status} /> },
    {
      title: 'Why',
      render: row =>
        row.evidence.length === 0 ? (
          '—'
        ) : (
          <Box component="ul" margin={0} paddingLeft={2}>
            {row.evidence
              .filter(e => e.status === row.status || row.evidence.length === 1)
              .slice(0, 5)
              .map((e, i) => (
                <li key={i}>
                  <Typography variant="body2">
                    {e.object ? `${e.object}: ` : ''}
                    {e.message}
                  </Typography>
                </li>
              ))}
          </Box>
        ),
    },
    {
      title: 'Since',
      render: row => (
        <span
          title={`${row.status} since ${formatTimestamp(
            row.changedAt,
          )}; evaluated ${formatTimestamp(row.evaluatedAt)}`}
        >
          {formatRelativeTime(row.changedAt)}
        </span>
      ),
    },
  ];

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="lg"
      aria-labelledby="readiness-drilldown-title"
    >
      <DialogTitle id="readiness-drilldown-title">
        {check?.title ?? checkId}
      </DialogTitle>
      <DialogContent>
        {check && (
          <Typography variant="body2" color="textSecondary" paragraph>
            {levelLabel(check.level)} · {check.category} · source {check.source}
            {check.remediation ? ` — To fix: ${check.remediation.text}` : ''}
          </Typography>
        )}
        <ToggleButtonGroup
          size="small"
          exclusive
          value={statusChoice}
          onChange={(_, v) => {
            if (v) {
              setStatusChoice(v);
              setPage(0);
            }
          }}
          aria-label="Which results to show"
        >
          <ToggleButton value="fail">Failing</ToggleButton>
          <ToggleButton value="unknown">Unknown</ToggleButton>
          <ToggleButton value="blocking">Both</ToggleButton>
        </ToggleButtonGroup>
        <Box marginTop={2}>
          {error ? (
            <ReadinessErrorPanel error={error} />
          ) : (
            <Table<ReadinessCheckResultRow>
              title={value ? `${value.total} entities` : 'Entities'}
              isLoading={loading}
              columns={columns}
              data={value?.items ?? []}
              page={page}
              totalCount={value?.total ?? 0}
              onPageChange={(p, size) => {
                setPage(p);
                setPageSize(size);
              }}
              options={{
                paging: true,
                pageSize,
                pageSizeOptions: [10, 25, 50],
                search: false,
                sorting: false,
                padding: 'dense',
                emptyRowsWhenPaging: false,
                toolbar: true,
              }}
              emptyContent={
                <Box padding={2}>
                  <Typography variant="body2">
                    {loading ? 'Loading…' : 'No entity has this result.'}
                  </Typography>
                </Box>
              }
            />
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
