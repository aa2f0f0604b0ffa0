import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography, useTheme } from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { readinessApiRef, ReadinessHistoryPoint } from '../../api';
import { formatScore, isoDayBefore } from '../../utils/format';
import { levelLabel } from '../../utils/levels';
import { RangePicker } from '../RangePicker';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

function describe(points: ReadinessHistoryPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  return `Score ${formatScore(first.score)} on ${first.day}, ${formatScore(
    last.score,
  )} on ${last.day}; level ${levelLabel(first.level)} then ${levelLabel(
    last.level,
  )}.`;
}

/**
 * An entity's score and level per day on one scorecard.
 *
 * @public
 */
export function HistoryChart(props: {
  entityRef: string;
  scorecardId: string;
  levels: string[];
}) {
  const { entityRef, scorecardId, levels } = props;
  const api = useApi(readinessApiRef);
  const theme = useTheme();
  const [days, setDays] = useState(90);
  const { value, loading, error } = useAsync(
    () =>
      api.getEntityHistory(entityRef, {
        scorecard: scorecardId,
        from: isoDayBefore(days),
      }),
    [api, entityRef, scorecardId, days],
  );
  const levelTick = (rank: number) =>
    rank === 0 ? 'None' : levelLabel(levels[rank - 1]);

  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ReadinessErrorPanel error={error} />;
  } else if (!value || value.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No history in this range yet: a point is recorded each day the entity is
        evaluated.
      </Typography>
    );
  } else {
    content = (
      <Box
        role="img"
        aria-label={`Score and level history. ${describe(value)}`}
      >
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={value} margin={{ top: 8, right: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" minTickGap={24} />
            <YAxis yAxisId="score" domain={[0, 100]} unit="%" width={48} />
            <YAxis
              yAxisId="level"
              orientation="right"
              domain={[0, levels.length]}
              ticks={Array.from({ length: levels.length + 1 }, (_, i) => i)}
              tickFormatter={levelTick}
              allowDecimals={false}
              width={64}
            />
            <Tooltip
              formatter={(v, name) =>
                name === 'Level' ? levelTick(Number(v)) : formatScore(Number(v))
              }
            />
            <Legend itemSorter={null} />
            <Line
              isAnimationActive={false}
              yAxisId="score"
              dataKey="score"
              name="Score"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              dot={false}
              connectNulls
            />
            <Line
              isAnimationActive={false}
              yAxisId="level"
              dataKey="levelRank"
              name="Level"
              type="stepAfter"
              stroke={theme.palette.secondary.main}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </Box>
    );
  }

  return (
    <InfoCard
      title="History"
      action={<RangePicker days={days} onChange={setDays} />}
    >
      {content}
    </InfoCard>
  );
}
