import { Box, makeStyles, Typography } from '@material-ui/core';
import type {
  EntityCheckResult,
  StatusCounts,
} from '@readiness/backstage-plugin-readiness-common';
import { formatScore } from '../../utils/format';
import { CheckActionHandlers } from '../CheckActions';
import { CheckRow } from '../CheckRow';

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    marginTop: theme.spacing(3),
    marginBottom: theme.spacing(1),
  },
}));

function countsText(counts?: StatusCounts): string {
  if (!counts) {
    return '';
  }
  return [
    counts.fail && `${counts.fail} failing`,
    counts.unknown && `${counts.unknown} unknown`,
    counts.pass && `${counts.pass} passing`,
    counts.exempt && `${counts.exempt} exempt`,
    counts['not-applicable'] && `${counts['not-applicable']} not applicable`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The checks of one category with the category's score.
 *
 * @public
 */
export function CheckCategory(
  props: CheckActionHandlers & {
    category: string;
    checks: EntityCheckResult[];
    summary?: { score: number | null; counts: StatusCounts };
    staleAfterDays?: number;
  },
) {
  const { category, checks, summary, staleAfterDays, ...handlers } = props;
  const classes = useStyles();
  const headingId = `readiness-category-${category.replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId}>
      <Box className={classes.header}>
        <Typography variant="h6" component="h3" id={headingId}>
          {category}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {formatScore(summary?.score)} · {countsText(summary?.counts)}
        </Typography>
      </Box>
      {checks.map(check => (
        <CheckRow
          key={check.checkId}
          check={check}
          staleAfterDays={staleAfterDays}
          {...handlers}
        />
      ))}
    </section>
  );
}
