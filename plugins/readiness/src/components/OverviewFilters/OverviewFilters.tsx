import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Grid, MenuItem, TextField } from '@material-ui/core';
import type { Scorecard } from '@readiness/backstage-plugin-readiness-common';
import { useCallback, useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import {
  READINESS_FILTER_FIELDS,
  readinessApiRef,
  ReadinessEntityFilters,
  ReadinessFilterField,
  ReadinessGroupBy,
} from '../../api';
import { levelLabel } from '../../utils/levels';
import { FilterAutocomplete } from '../FilterAutocomplete';
import { GROUP_BY_LABELS } from '../../utils/groupKeys';

const FIELD_LABELS: Record<ReadinessFilterField, string> = {
  ...GROUP_BY_LABELS,
  type: 'Type',
  level: 'Level',
};

/**
 * Props of {@link OverviewFilters}.
 *
 * @public
 */
export interface OverviewFiltersProps {
  scorecards: Scorecard[];
  scorecard: Scorecard;
  groupBy: ReadinessGroupBy;
  filters: ReadinessEntityFilters;
  onChange(patch: {
    scorecard?: string;
    groupBy?: ReadinessGroupBy;
    filters?: ReadinessEntityFilters;
  }): void;
}

/**
 * Scorecard, grouping, free-text search and a filter per entity field. The
 * values each filter offers come from the backend's aggregation.
 *
 * @public
 */
export function OverviewFilters(props: OverviewFiltersProps) {
  const { scorecards, scorecard, groupBy, filters, onChange } = props;
  const api = useApi(readinessApiRef);
  const [search, setSearch] = useState(filters.search ?? '');

  useEffect(() => setSearch(filters.search ?? ''), [filters.search]);
  useDebounce(
    () => {
      if ((filters.search ?? '') !== search.trim()) {
        onChange({
          filters: { ...filters, search: search.trim() || undefined },
        });
      }
    },
    400,
    [search],
  );

  const loadOptions = useCallback(
    (field: Exclude<ReadinessFilterField, 'type'>) => async () => {
      if (field === 'level') {
        return ['none', ...scorecard.levels];
      }
      const overview = await api.getOverview({
        scorecard: scorecard.id,
        groupBy: field,
        sort: 'entities',
        order: 'desc',
        limit: 200,
      });
      return overview.groups.items
        .map(g => g.key)
        .filter((k): k is string => k !== null);
    },
    [api, scorecard],
  );

  const setField = (field: ReadinessFilterField, values: string[]) =>
    onChange({
      filters: { ...filters, [field]: values.length ? values : undefined },
    });
  const hasFilters =
    !!filters.search || READINESS_FILTER_FIELDS.some(f => filters[f]?.length);

  return (
    <Box marginBottom={3}>
      <Grid container spacing={2} alignItems="center">
        {scorecards.length > 1 && (
          <Grid item xs={12} sm={6} md={3}>
            <TextField
              select
              fullWidth
              size="small"
              variant="outlined"
              id="readiness-filter-scorecard"
              label="Scorecard"
              value={scorecard.id}
              onChange={e => onChange({ scorecard: e.target.value })}
            >
              {scorecards.map(s => (
                <MenuItem key={s.id} value={s.id}>
                  {s.title}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
        )}
        <Grid item xs={12} sm={6} md={3}>
          <TextField
            select
            fullWidth
            size="small"
            variant="outlined"
            id="readiness-filter-group-by"
            label="Group by"
            value={groupBy}
            onChange={e =>
              onChange({ groupBy: e.target.value as ReadinessGroupBy })
            }
          >
            {Object.entries(GROUP_BY_LABELS).map(([value, text]) => (
              <MenuItem key={value} value={value}>
                {text}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={6} md={3}>
          <TextField
            fullWidth
            size="small"
            variant="outlined"
            id="readiness-filter-search"
            label="Search entities"
            placeholder="Name or title"
            value={search}
            onChange={e => setSearch(e.target.value)}
          />
        </Grid>
        {hasFilters && (
          <Grid item>
            <Button onClick={() => onChange({ filters: {} })}>
              Clear filters
            </Button>
          </Grid>
        )}
      </Grid>
      <Grid container spacing={2} style={{ marginTop: 4 }}>
        {READINESS_FILTER_FIELDS.map(field => (
          <Grid item xs={12} sm={6} md={3} key={field}>
            <FilterAutocomplete
              label={FIELD_LABELS[field]}
              value={filters[field] ?? []}
              onChange={values => setField(field, values)}
              loadOptions={field === 'type' ? undefined : loadOptions(field)}
              getLabel={field === 'level' ? levelLabel : undefined}
            />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
