import {
  ContentHeader,
  EmptyState,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Grid } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { READINESS_FILTER_FIELDS, readinessApiRef } from '../../api';
import { useOverviewState } from '../../hooks/useOverviewState';
import { GROUP_BY_LABELS } from '../../utils/groupKeys';
import { BackendStatusLine } from '../BackendStatusLine';
import { CheckDrillDownDialog } from '../CheckDrillDownDialog';
import { EntityScoreTable } from '../EntityScoreTable';
import { ExportButton } from '../ExportButton';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { OverviewFilters } from '../OverviewFilters';
import { OverviewGroupTable } from '../OverviewGroupTable';
import { TopFailingChecks } from '../TopFailingChecks';
import { TrendChart } from '../TrendChart';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

/**
 * The organisation-wide overview: grouping, filters, level distribution,
 * trend, the checks failing most with drill-down, the entity table and
 * export. Grouping, filters, sorting and paging live in the URL; every
 * aggregation and page comes from the backend.
 *
 * @public
 */
export function ReadinessOverview() {
  const api = useApi(readinessApiRef);
  const [state, update] = useOverviewState();
  const scorecards = useAsync(() => api.getScorecards(), [api]);
  const scorecard =
    scorecards.value?.find(s => s.id === state.scorecard) ??
    scorecards.value?.[0];
  const filtersKey = JSON.stringify(state.filters);
  const overview = useAsync(
    async () =>
      scorecard
        ? api.getOverview({
            scorecard: scorecard.id,
            groupBy: state.groupBy,
            filters: state.filters,
            sort: state.groupSort,
            order: state.groupOrder,
            limit: state.groupPageSize,
            offset: state.groupPage * state.groupPageSize,
          })
        : undefined,
    [
      api,
      scorecard?.id,
      state.groupBy,
      filtersKey,
      state.groupSort,
      state.groupOrder,
      state.groupPage,
      state.groupPageSize,
    ],
  );

  if (scorecards.loading) {
    return <Progress />;
  }
  if (scorecards.error) {
    return <ReadinessErrorPanel error={scorecards.error} />;
  }
  if (!scorecard) {
    return (
      <>
        <BackendStatusLine />
        <EmptyState
          missing="info"
          title="No scorecard is configured"
          description="The readiness backend has no scorecard definition. The default scorecard ships with the backend; check its readiness.scorecards configuration and logs."
        />
      </>
    );
  }

  const hasFilters =
    !!state.filters.search ||
    READINESS_FILTER_FIELDS.some(f => state.filters[f]?.length);
  const groupByLabel = GROUP_BY_LABELS[state.groupBy];
  const groups = overview.value?.groups;

  if (!overview.loading && groups?.total === 0 && !hasFilters) {
    return (
      <>
        <BackendStatusLine />
        <EmptyState
          missing="data"
          title="No entity has been scored yet"
          description={`No entity has a result on "${scorecard.title}". The refresh engine evaluates catalog entities on its schedule; results appear here after the first run.`}
        />
      </>
    );
  }

  return (
    <>
      <ContentHeader title={scorecard.title}>
        <Box display="flex" gridGap={8}>
          <ExportButton scorecard={scorecard.id} filters={state.filters} />
          <ExportButton
            scorecard={scorecard.id}
            filters={state.filters}
            format="json"
          />
        </Box>
      </ContentHeader>
      <BackendStatusLine />
      <OverviewFilters
        scorecards={scorecards.value ?? []}
        scorecard={scorecard}
        groupBy={state.groupBy}
        filters={state.filters}
        onChange={update}
      />
      {overview.error && <ReadinessErrorPanel error={overview.error} />}
      {!overview.error && !groups && <Progress />}
      {groups && (
        <Grid container spacing={3}>
          {groups.total === 0 && (
            <Grid item xs={12}>
              <EmptyState
                missing="data"
                title="No entity matches these filters"
                description="Widen the filters or clear them to see every scored entity."
                action={
                  <Button
                    variant="contained"
                    color="primary"
                    onClick={() => update({ filters: {} })}
                  >
                    Clear filters
                  </Button>
                }
              />
            </Grid>
          )}
          <Grid item xs={12} lg={7}>
            <LevelDistributionChart
              groups={groups.items}
              levels={scorecard.levels}
              groupByLabel={groupByLabel}
            />
          </Grid>
          <Grid item xs={12} lg={5}>
            <TopFailingChecks
              items={overview.value?.topFailingChecks ?? []}
              checks={scorecard.checks}
              onSelect={check => update({ check })}
            />
          </Grid>
          <Grid item xs={12}>
            <TrendChart
              scorecard={scorecard.id}
              levels={scorecard.levels}
              filters={state.filters}
              days={state.days}
              onDaysChange={days => update({ days })}
            />
          </Grid>
          <Grid item xs={12}>
            <OverviewGroupTable
              groupBy={state.groupBy}
              groupByLabel={groupByLabel}
              levels={scorecard.levels}
              items={groups.items}
              total={groups.total}
              loading={overview.loading}
              page={state.groupPage}
              pageSize={state.groupPageSize}
              sort={state.groupSort}
              order={state.groupOrder}
              onPageChange={(groupPage, groupPageSize) =>
                update({ groupPage, groupPageSize })
              }
              onSortChange={(groupSort, groupOrder) =>
                update({ groupSort, groupOrder, groupPage: 0 })
              }
              onSelectGroup={key =>
                update({
                  filters: { ...state.filters, [state.groupBy]: [key] },
                })
              }
            />
          </Grid>
          <Grid item xs={12}>
            <EntityScoreTable
              scorecard={scorecard.id}
              levels={scorecard.levels}
              filters={state.filters}
              page={state.entityPage}
              pageSize={state.entityPageSize}
              sort={state.entitySort}
              order={state.entityOrder}
              onPageChange={(entityPage, entityPageSize) =>
                update({ entityPage, entityPageSize })
              }
              onSortChange={(entitySort, entityOrder) =>
                update({ entitySort, entityOrder, entityPage: 0 })
              }
            />
          </Grid>
        </Grid>
      )}
      {state.check && (
        <CheckDrillDownDialog
          checkId={state.check}
          check={scorecard.checks.find(c => c.id === state.check)}
          scorecard={scorecard.id}
          filters={state.filters}
          onClose={() => update({ check: undefined })}
        />
      )}
    </>
  );
}
