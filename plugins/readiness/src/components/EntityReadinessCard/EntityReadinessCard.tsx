import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Typography } from '@material-ui/core';
import { useEntityReadiness } from '../../hooks/useEntityReadiness';
import { useOptionalRouteRef } from '../../hooks/useOptionalRouteRef';
import { isBlocking, sortByUrgency } from '../../utils/progress';
import { entityContentRouteRef } from '../../routes';
import { FailingCheckList } from '../FailingCheckList';
import { NotScored } from '../NotScored';
import { ScorecardSummary } from '../ScorecardSummary';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

/**
 * Props of {@link EntityReadinessCard}.
 *
 * @public
 */
export interface EntityReadinessCardProps {
  /** The scorecard to show; the first one evaluated for the entity by default. */
  scorecardId?: string;
  /** How many failing checks to list. */
  maxChecks?: number;
}

/**
 * An entity's readiness at a glance: level, score, progress to the next and
 * the required level, and the checks that block it most.
 *
 * @public
 */
export function EntityReadinessCard(props: EntityReadinessCardProps) {
  const { scorecardId, maxChecks = 5 } = props;
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { readiness, loading, error } = useEntityReadiness(entityRef);
  const tabLink = useOptionalRouteRef(entityContentRouteRef);

  const scorecard = readiness?.scorecards.find(
    s => !scorecardId || s.scorecardId === scorecardId,
  );
  const failing = scorecard
    ? sortByUrgency(scorecard.checks.filter(isBlocking), scorecard.levels)
    : [];

  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ReadinessErrorPanel error={error} />;
  } else if (!scorecard) {
    content = <NotScored compact />;
  } else {
    content = (
      <>
        <ScorecardSummary scorecard={scorecard} />
        <Box marginTop={2}>
          <Typography variant="subtitle2">
            {failing.length === 0
              ? 'No failing checks'
              : `Top failing checks (${Math.min(
                  maxChecks,
                  failing.length,
                )} of ${failing.length})`}
          </Typography>
          <FailingCheckList
            checks={failing.slice(0, maxChecks)}
            emptyText="Every check passes, is exempt or does not apply."
          />
        </Box>
      </>
    );
  }

  return (
    <InfoCard
      title="Readiness"
      subheader={scorecard?.title}
      deepLink={
        tabLink && scorecard
          ? {
              title: `View all ${scorecard.checks.length} checks`,
              link: tabLink,
            }
          : undefined
      }
    >
      {/* The entity page's side column sets white-space: nowrap. */}
      <Box whiteSpace="normal">{content}</Box>
    </InfoCard>
  );
}
