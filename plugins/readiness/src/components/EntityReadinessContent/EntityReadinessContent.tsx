import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Grid, MenuItem, TextField } from '@material-ui/core';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import type { EntityCheckResult } from '@readiness/backstage-plugin-readiness-common';
import { useCallback, useState } from 'react';
import { readinessApiRef } from '../../api';
import { useEntityReadiness } from '../../hooks/useEntityReadiness';
import { useReadinessPermissions } from '../../hooks/useReadinessPermissions';
import { describeError } from '../../utils/errors';
import { groupByCategory, isBlocking } from '../../utils/progress';
import { AttestDialog } from '../AttestDialog';
import { AuditTrailCard } from '../AuditTrailCard';
import { CheckCategory } from '../CheckCategory';
import { ExemptDialog } from '../ExemptDialog';
import { HistoryChart } from '../HistoryChart';
import { NotScored } from '../NotScored';
import { RefreshButton } from '../RefreshButton';
import { ScorecardSummary } from '../ScorecardSummary';
import { StatusCountsBar } from '../StatusCountsBar';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

/**
 * Props of {@link EntityReadinessContent}.
 *
 * @public
 */
export interface EntityReadinessContentProps {
  /** Checks evaluated longer ago than this many days are flagged as stale. */
  staleAfterDays?: number;
}

type OpenDialog = { kind: 'attest' | 'exempt'; check: EntityCheckResult };

/**
 * The Readiness tab of an entity: every check by category with its status,
 * evidence and remediation; refresh, attest, exempt and revoke; the history
 * chart and the audit trail.
 *
 * @public
 */
export function EntityReadinessContent(props: EntityReadinessContentProps) {
  const { staleAfterDays } = props;
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const { readiness, loading, error, retry, update } =
    useEntityReadiness(entityRef);
  const permissions = useReadinessPermissions(entity);
  const [scorecardId, setScorecardId] = useState<string>();
  const [onlyBlocking, setOnlyBlocking] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>();
  // Bumped after every record change, so that the audit trail reads again.
  const [recordsVersion, setRecordsVersion] = useState(0);

  const revoke = useCallback(
    async (action: () => Promise<unknown>, message: string) => {
      try {
        await action();
        alertApi.post({ message, severity: 'success', display: 'transient' });
        setRecordsVersion(v => v + 1);
        retry();
      } catch (e) {
        alertApi.post({
          message: describeError(e as Error),
          severity: 'error',
        });
      }
    },
    [alertApi, retry],
  );
  const onRevokeExemption = useCallback(
    (check: EntityCheckResult) => {
      const { exemption } = check;
      if (exemption) {
        revoke(
          () => api.revokeExemption(entityRef, exemption.id),
          `Exemption of "${check.title}" revoked.`,
        );
      }
    },
    [api, entityRef, revoke],
  );
  const onRevokeAttestation = useCallback(
    (check: EntityCheckResult) => {
      const { attestation } = check;
      if (attestation) {
        revoke(
          () => api.revokeAttestation(entityRef, attestation.id),
          `Attestation of "${check.title}" revoked.`,
        );
      }
    },
    [api, entityRef, revoke],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ReadinessErrorPanel error={error} />;
  }
  const scorecards = readiness?.scorecards ?? [];
  const scorecard =
    scorecards.find(s => s.scorecardId === scorecardId) ?? scorecards[0];
  const refreshButton = permissions.canRefresh ? (
    <RefreshButton entityRef={entityRef} onRefreshed={update} />
  ) : undefined;
  if (!scorecard) {
    return <NotScored action={refreshButton} />;
  }

  const checks = onlyBlocking
    ? scorecard.checks.filter(isBlocking)
    : scorecard.checks;
  const blockingCount = scorecard.checks.filter(isBlocking).length;
  const handlers = {
    canAttest: permissions.canAttest,
    canExempt: permissions.canExempt,
    onAttest: (check: EntityCheckResult) =>
      setDialog({ kind: 'attest', check }),
    onExempt: (check: EntityCheckResult) =>
      setDialog({ kind: 'exempt', check }),
    onRevokeExemption,
    onRevokeAttestation,
  };
  const done = (message: string) => {
    setDialog(undefined);
    alertApi.post({ message, severity: 'success', display: 'transient' });
    setRecordsVersion(v => v + 1);
    retry();
  };

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <InfoCard
          title={scorecard.title}
          subheader="Level, score and what the next level needs"
          action={refreshButton}
        >
          {scorecards.length > 1 && (
            <TextField
              select
              id="readiness-scorecard-picker"
              label="Scorecard"
              value={scorecard.scorecardId}
              onChange={e => setScorecardId(e.target.value)}
              margin="dense"
            >
              {scorecards.map(s => (
                <MenuItem key={s.scorecardId} value={s.scorecardId}>
                  {s.title}
                </MenuItem>
              ))}
            </TextField>
          )}
          <ScorecardSummary
            scorecard={scorecard}
            staleAfterDays={staleAfterDays}
          />
          <StatusCountsBar counts={scorecard.counts} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <HistoryChart
          entityRef={entityRef}
          scorecardId={scorecard.scorecardId}
          levels={scorecard.levels}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Checks"
          subheader={`${scorecard.checks.length} checks in ${
            groupByCategory(scorecard.checks).length
          } categories`}
          action={
            <ToggleButtonGroup
              size="small"
              exclusive
              value={onlyBlocking ? 'blocking' : 'all'}
              onChange={(_, v) => v && setOnlyBlocking(v === 'blocking')}
              aria-label="Which checks to show"
            >
              <ToggleButton value="all">All</ToggleButton>
              <ToggleButton value="blocking">
                Failing or unknown ({blockingCount})
              </ToggleButton>
            </ToggleButtonGroup>
          }
        >
          {checks.length === 0 && (
            <Box padding={2}>Nothing fails and nothing is unknown.</Box>
          )}
          {groupByCategory(checks).map(([category, categoryChecks]) => (
            <CheckCategory
              key={category}
              category={category}
              checks={categoryChecks}
              summary={scorecard.categories[category]}
              staleAfterDays={staleAfterDays}
              {...handlers}
            />
          ))}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <AuditTrailCard entityRef={entityRef} version={recordsVersion} />
      </Grid>
      {dialog?.kind === 'attest' && (
        <AttestDialog
          open
          entityRef={entityRef}
          check={dialog.check}
          onClose={() => setDialog(undefined)}
          onAttested={() => done(`"${dialog.check.title}" attested.`)}
        />
      )}
      {dialog?.kind === 'exempt' && (
        <ExemptDialog
          open
          entityRef={entityRef}
          check={dialog.check}
          onClose={() => setDialog(undefined)}
          onExempted={() =>
            done(`Exemption of "${dialog.check.title}" granted.`)
          }
        />
      )}
    </Grid>
  );
}
