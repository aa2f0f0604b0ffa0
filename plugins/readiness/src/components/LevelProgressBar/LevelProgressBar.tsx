import { Box, LinearProgress, Typography } from '@material-ui/core';
import { levelLabel } from '../../utils/levels';
import { LevelProgress } from '../../utils/progress';

/**
 * "Silver: 18 of 24 checks" with a bar; says "reached" once nothing blocks.
 *
 * @public
 */
export function LevelProgressBar(props: {
  /** What the level is to the entity, e.g. "Next level" or "Required for tier 1". */
  label: string;
  progress: LevelProgress;
}) {
  const { label, progress } = props;
  const percent =
    progress.total === 0 ? 100 : (progress.done / progress.total) * 100;
  const name = levelLabel(progress.level);
  const summary = progress.reached
    ? `${name} reached`
    : `${name}: ${progress.done} of ${progress.total} checks, ${progress.blocking.length} blocking`;
  return (
    <Box marginY={1}>
      <Box display="flex" flexWrap="wrap" justifyContent="space-between">
        <Typography variant="body2" color="textSecondary">
          {label}
        </Typography>
        <Typography variant="body2">{summary}</Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        color="primary"
        aria-label={`${label}: ${summary}`}
      />
    </Box>
  );
}
