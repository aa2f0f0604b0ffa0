import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  makeStyles,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { EntityCheckResult } from '@readiness/backstage-plugin-readiness-common';
import {
  ageInDays,
  formatDate,
  formatRelativeTime,
  formatTimestamp,
} from '../../utils/format';
import { levelLabel } from '../../utils/levels';
import { CheckActionHandlers, CheckActions } from '../CheckActions';
import { CheckDetails } from '../CheckDetails';
import { StatusChip } from '../StatusChip';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    width: '100%',
    flexWrap: 'wrap',
  },
  status: {
    minWidth: 140,
  },
  title: {
    flex: 1,
    minWidth: 200,
  },
  meta: {
    color: theme.palette.text.secondary,
  },
  stale: {
    color: theme.palette.warning.dark,
    fontWeight: 600,
  },
}));

/**
 * One check as an expandable row: status, title, level, source, a renewal
 * reminder for attestations about to expire, and age; expanded, the details
 * and the actions the user may take.
 *
 * @public
 */
export function CheckRow(
  props: CheckActionHandlers & {
    check: EntityCheckResult;
    staleAfterDays?: number;
    defaultExpanded?: boolean;
  },
) {
  const { check, staleAfterDays = 7, defaultExpanded, ...handlers } = props;
  const classes = useStyles();
  const stale = ageInDays(check.evaluatedAt) >= staleAfterDays;
  const headingId = `readiness-check-${check.checkId}`;
  return (
    <Accordion
      defaultExpanded={defaultExpanded}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`${headingId}-details`}
        id={headingId}
      >
        <Box className={classes.summary}>
          <Box className={classes.status}>
            <StatusChip status={check.status} />
          </Box>
          <Typography className={classes.title}>{check.title}</Typography>
          <Typography variant="body2" className={classes.meta}>
            {levelLabel(check.level)} · {check.source}
          </Typography>
          {check.renewBy && (
            <Typography
              variant="body2"
              className={classes.stale}
              title="The attestation expires soon; attest again to keep the check passing"
            >
              Renew by {formatDate(check.renewBy)}
            </Typography>
          )}
          <Typography
            variant="body2"
            className={stale ? classes.stale : classes.meta}
            title={`Evaluated ${formatTimestamp(check.evaluatedAt)}`}
          >
            {stale ? 'Stale: ' : ''}
            {formatRelativeTime(check.evaluatedAt)}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`${headingId}-details`}>
        <CheckDetails
          check={check}
          actions={<CheckActions check={check} {...handlers} />}
        />
      </AccordionDetails>
    </Accordion>
  );
}
