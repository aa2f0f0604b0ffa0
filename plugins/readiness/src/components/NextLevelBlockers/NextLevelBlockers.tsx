import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { levelLabel } from '../../utils/levels';

/**
 * What keeps one entity from its next level: the level and the titles of
 * the checks that block it. Loaded per row, so only for the rows shown.
 *
 * @public
 */
export function NextLevelBlockers(props: {
  entityRef: string;
  scorecardId?: string;
  /** How many check titles to name before "and N more". */
  max?: number;
}) {
  const { entityRef, scorecardId, max = 3 } = props;
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntityReadiness(entityRef),
    [api, entityRef],
  );
  if (loading) {
    return (
      <Typography variant="body2" color="textSecondary">
        Loading…
      </Typography>
    );
  }
  if (error) {
    return (
      <Typography variant="body2" color="error">
        Could not load: {error.message}
      </Typography>
    );
  }
  const scorecard = value?.scorecards.find(
    s => !scorecardId || s.scorecardId === scorecardId,
  );
  if (!scorecard) {
    return <Typography variant="body2">Not scored yet</Typography>;
  }
  if (!scorecard.nextLevel) {
    return <Typography variant="body2">Highest level reached</Typography>;
  }
  const titles = scorecard.nextLevel.blockingCheckIds.map(
    id => scorecard.checks.find(c => c.checkId === id)?.title ?? id,
  );
  return (
    <>
      <Typography variant="body2">
        <strong>{levelLabel(scorecard.nextLevel.level)}</strong>:{' '}
        {titles.length} {titles.length === 1 ? 'check' : 'checks'} to fix
      </Typography>
      <Box component="ul" margin={0} paddingLeft={2}>
        {titles.slice(0, max).map(title => (
          <Typography key={title} component="li" variant="body2">
            {title}
          </Typography>
        ))}
        {titles.length > max && (
          <Typography component="li" variant="body2" color="textSecondary">
            and {titles.length - max} more
          </Typography>
        )}
      </Box>
    </>
  );
}
