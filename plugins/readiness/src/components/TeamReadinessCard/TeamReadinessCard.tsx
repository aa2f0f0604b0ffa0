import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { useOptionalRouteRef } from '../../hooks/useOptionalRouteRef';
import { rootRouteRef } from '../../routes';
import { formatScore } from '../../utils/format';
import { LevelChip } from '../LevelChip';
import { NextLevelBlockers } from '../NextLevelBlockers';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
});

/**
 * Props of {@link TeamReadinessCard}.
 *
 * @public
 */
export interface TeamReadinessCardProps {
  /** Rows per page. */
  pageSize?: number;
}

/**
 * On a Group page: the team's entities, their levels and scores, lowest
 * level first, and what blocks each one's next level.
 *
 * @public
 */
export function TeamReadinessCard(props: TeamReadinessCardProps) {
  const { pageSize = 10 } = props;
  const classes = useStyles();
  const { entity } = useEntity();
  const ownerRef = stringifyEntityRef(entity);
  const api = useApi(readinessApiRef);
  const overviewLink = useOptionalRouteRef(rootRouteRef);
  const [page, setPage] = useState(0);

  const { value, loading, error } = useAsync(
    () =>
      api.listEntityScores({
        filters: { owner: [ownerRef] },
        sort: 'level',
        order: 'asc',
        limit: pageSize,
        offset: page * pageSize,
      }),
    [api, ownerRef, page, pageSize],
  );
  const levels = useAsync(async () => {
    const scorecards = await api.getScorecards();
    return scorecards[0]?.levels ?? [];
  }, [api]);

  let content: JSX.Element;
  if (loading && !value) {
    content = <Progress />;
  } else if (error) {
    content = <ReadinessErrorPanel error={error} />;
  } else if (!value || value.total === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        This team owns no scored entity. Entities appear here once the refresh
        engine has evaluated something whose owner is this team.
      </Typography>
    );
  } else {
    content = (
      <>
        <Table size="small" aria-label="Team entities">
          <TableHead>
            <TableRow>
              <TableCell className={classes.nowrap}>Entity</TableCell>
              <TableCell className={classes.nowrap}>Level</TableCell>
              <TableCell className={classes.nowrap} align="right">
                Score
              </TableCell>
              <TableCell>Blocks the next level</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.map(row => (
              <TableRow key={row.entityRef}>
                <TableCell className={classes.nowrap}>
                  <EntityRefLink
                    entityRef={row.entityRef}
                    title={row.title ?? undefined}
                  />
                </TableCell>
                <TableCell>
                  <LevelChip level={row.level} levels={levels.value} />
                </TableCell>
                <TableCell align="right">{formatScore(row.score)}</TableCell>
                <TableCell>
                  <NextLevelBlockers entityRef={row.entityRef} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {value.total > pageSize && (
          <TablePagination
            component="div"
            count={value.total}
            page={page}
            rowsPerPage={pageSize}
            rowsPerPageOptions={[pageSize]}
            onPageChange={(_, next) => setPage(next)}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Team readiness"
      subheader={
        value ? `${value.total} scored entities, lowest level first` : undefined
      }
      deepLink={
        overviewLink
          ? {
              title: 'Open in the readiness overview',
              link: `${overviewLink}?owner=${encodeURIComponent(ownerRef)}`,
            }
          : undefined
      }
    >
      {content}
    </InfoCard>
  );
}
