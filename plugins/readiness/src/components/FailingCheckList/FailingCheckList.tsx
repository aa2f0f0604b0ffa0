import {
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  makeStyles,
  Typography,
} from '@material-ui/core';
import type { EntityCheckResult } from '@readiness/backstage-plugin-readiness-common';
import { levelLabel } from '../../utils/levels';
import { StatusChip } from '../StatusChip';

const useStyles = makeStyles(theme => ({
  icon: {
    minWidth: 0,
    marginRight: theme.spacing(2),
  },
  text: {
    minWidth: 0,
    // Themes may truncate list text; titles here must be read whole.
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
}));

/**
 * A short list of checks with their status, level and first piece of evidence.
 *
 * @public
 */
export function FailingCheckList(props: {
  checks: EntityCheckResult[];
  /** Shown when the list is empty. */
  emptyText?: string;
  /** Also show each check's first piece of evidence. */
  showEvidence?: boolean;
}) {
  const { checks, emptyText = 'Nothing fails.', showEvidence = false } = props;
  const classes = useStyles();
  if (checks.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {checks.map(check => (
        <ListItem key={check.checkId} disableGutters>
          <ListItemIcon className={classes.icon}>
            <StatusChip status={check.status} />
          </ListItemIcon>
          <ListItemText
            className={classes.text}
            primary={check.title}
            secondary={[
              `${levelLabel(check.level)} · ${check.category}`,
              showEvidence &&
                (check.evidence.find(e => e.status === check.status)?.message ??
                  check.evidence[0]?.message),
            ]
              .filter(Boolean)
              .join(' — ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
