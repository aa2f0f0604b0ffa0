import { Box, Typography } from '@material-ui/core';
import {
  CHECK_STATUSES,
  StatusCounts,
} from '@readiness/backstage-plugin-readiness-common';
import { StatusChip } from '../StatusChip';

/**
 * How many checks have each status, as chips with counts.
 *
 * @public
 */
export function StatusCountsBar(props: { counts: StatusCounts }) {
  return (
    <Box display="flex" flexWrap="wrap" gridGap={12} marginTop={2}>
      {CHECK_STATUSES.filter(s => props.counts[s] > 0).map(status => (
        <Box key={status} display="flex" alignItems="center" gridGap={4}>
          <StatusChip status={status} />
          <Typography variant="body2" aria-label={`${status} count`}>
            {props.counts[status]}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
