import { Chip, makeStyles } from '@material-ui/core';
import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import { levelChipColors, levelLabel } from '../../utils/levels';

const useStyles = makeStyles(theme => ({
  none: {
    borderColor: theme.palette.text.secondary,
    color: theme.palette.text.primary,
    margin: 0,
  },
  level: {
    fontWeight: 600,
    margin: 0,
  },
}));

/**
 * A readiness level as a badge: the level's name on its colour, or an
 * outlined "No level" when none is reached.
 *
 * @public
 */
export function LevelChip(props: {
  level: string | null;
  /** The scorecard's levels, lowest first; picks colours for unusual names. */
  levels?: string[];
  size?: 'small' | 'medium';
}) {
  const { level, levels, size = 'small' } = props;
  const classes = useStyles();
  const colors = levelChipColors(level, levels);
  if (!colors) {
    return (
      <Chip
        variant="outlined"
        size={size}
        label="No level"
        className={classes.none}
        aria-label="Level: none"
      />
    );
  }
  return (
    <Chip
      size={size}
      icon={<EmojiEventsIcon style={{ color: colors.color }} />}
      label={levelLabel(level)}
      className={classes.level}
      style={{ backgroundColor: colors.background, color: colors.color }}
      aria-label={`Level: ${levelLabel(level)}`}
    />
  );
}
