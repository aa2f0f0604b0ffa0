import {
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  makeStyles,
  Typography,
} from '@material-ui/core';
import type { Evidence } from '@readiness/backstage-plugin-readiness-common';
import { StatusChip } from '../StatusChip';

const useStyles = makeStyles(theme => ({
  icon: {
    minWidth: 0,
    marginRight: theme.spacing(1.5),
  },
  object: {
    fontFamily: 'monospace',
  },
}));

/**
 * The evidence behind a check's status: per object, what was found.
 *
 * @public
 */
export function EvidenceList(props: { evidence: Evidence[] }) {
  const classes = useStyles();
  if (props.evidence.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No evidence recorded.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Evidence">
      {props.evidence.map((item, index) => (
        <ListItem key={index} disableGutters alignItems="flex-start">
          <ListItemIcon className={classes.icon}>
            <StatusChip status={item.status} />
          </ListItemIcon>
          <ListItemText
            primary={item.message}
            secondary={item.object}
            secondaryTypographyProps={{ className: classes.object }}
          />
        </ListItem>
      ))}
    </List>
  );
}
