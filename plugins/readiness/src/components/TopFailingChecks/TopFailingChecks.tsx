import { InfoCard } from '@backstage/core-components';
import {
  Box,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  makeStyles,
  Typography,
} from '@material-ui/core';
import type { CheckDefinition } from '@readiness/backstage-plugin-readiness-common';
import { ReadinessCheckFailureCount } from '../../api';
import { levelLabel } from '../../utils/levels';

const useStyles = makeStyles({
  // Themes may truncate list text; check titles must be read whole.
  text: { whiteSpace: 'normal' },
});

/**
 * The checks that fail on most of the filtered entities; each opens the
 * list of entities failing it.
 *
 * @public
 */
export function TopFailingChecks(props: {
  items: ReadinessCheckFailureCount[];
  checks: CheckDefinition[];
  /** Entities in the current selection, to show failures as a share. */
  entityCount?: number;
  onSelect(checkId: string): void;
}) {
  const { items, checks, entityCount, onSelect } = props;
  const classes = useStyles();
  const byId = new Map(checks.map(c => [c.id, c]));
  const max = Math.max(entityCount ?? 0, ...items.map(i => i.failing), 1);
  return (
    <InfoCard
      title="Checks failing most"
      subheader="Select a check to see who fails it and why"
    >
      {items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No check fails on the selected entities.
        </Typography>
      ) : (
        <List dense disablePadding aria-label="Checks failing most">
          {items.map(item => {
            const check = byId.get(item.checkId);
            return (
              <ListItem
                key={item.checkId}
                button
                onClick={() => onSelect(item.checkId)}
              >
                <ListItemText
                  className={classes.text}
                  secondaryTypographyProps={{ component: 'div' }}
                  primary={check?.title ?? item.checkId}
                  secondary={
                    <>
                      <Box component="span" display="block" marginBottom={0.5}>
                        {check
                          ? `${levelLabel(check.level)} · ${check.category} · `
                          : ''}
                        failing on {item.failing}{' '}
                        {item.failing === 1 ? 'entity' : 'entities'}
                      </Box>
                      <LinearProgress
                        variant="determinate"
                        color="secondary"
                        value={(item.failing / max) * 100}
                        aria-hidden
                      />
                    </>
                  }
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </InfoCard>
  );
}
