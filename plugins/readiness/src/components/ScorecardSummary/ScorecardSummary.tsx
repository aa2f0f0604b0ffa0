import { Box, makeStyles, Typography } from '@material-ui/core';
import type { EntityScorecard } from '@readiness/backstage-plugin-readiness-common';
import {
  ageInDays,
  formatRelativeTime,
  formatScore,
  formatTimestamp,
} from '../../utils/format';
import { levelLabel } from '../../utils/levels';
import { progressTo } from '../../utils/progress';
import { LevelChip } from '../LevelChip';
import { LevelProgressBar } from '../LevelProgressBar';

const useStyles = makeStyles(theme => ({
  headline: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
  score: {
    fontWeight: 600,
    lineHeight: 1,
  },
  stale: {
    color: theme.palette.warning.dark,
  },
}));

/**
 * Level, score, when it was evaluated, and progress to the next level and to
 * the level the entity's tier requires.
 *
 * @public
 */
export function ScorecardSummary(props: {
  scorecard: EntityScorecard;
  /** Evaluations older than this many days are flagged. */
  staleAfterDays?: number;
}) {
  const { scorecard, staleAfterDays = 7 } = props;
  const classes = useStyles();
  const next = scorecard.nextLevel
    ? progressTo(scorecard, scorecard.nextLevel.level)
    : undefined;
  const target = scorecard.targetLevel
    ? progressTo(scorecard, scorecard.targetLevel)
    : undefined;
  const age = ageInDays(scorecard.evaluatedAt);
  return (
    <>
      <Box className={classes.headline}>
        <LevelChip
          level={scorecard.level}
          levels={scorecard.levels}
          size="medium"
        />
        <Box>
          <Typography variant="h4" component="p" className={classes.score}>
            {formatScore(scorecard.score)}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            score
          </Typography>
        </Box>
        <Typography
          variant="body2"
          color="textSecondary"
          title={formatTimestamp(scorecard.evaluatedAt)}
          className={age >= staleAfterDays ? classes.stale : undefined}
        >
          Evaluated {formatRelativeTime(scorecard.evaluatedAt)}
          {age >= staleAfterDays && ' (stale)'}
        </Typography>
      </Box>
      {next && <LevelProgressBar label="Next level" progress={next} />}
      {!next && (
        <Typography variant="body2" color="textSecondary">
          Highest level reached: {levelLabel(scorecard.level)}
        </Typography>
      )}
      {target && <LevelProgressBar label="Required level" progress={target} />}
    </>
  );
}
