import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography, useTheme } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  readinessApiRef,
  ReadinessEntityFilters,
  ReadinessTrendPoint,
} from '../../api';
import { formatScore, isoDayBefore } from '../../utils/format';
import {
  levelChartColor,
  levelLabel,
  orderedLevelKeys,
} from '../../utils/levels';
import { RangePicker } from '../RangePicker';
import { ReadinessErrorPanel } from '../ReadinessErrorPanel';

function describe(points: ReadinessTrendPoint[], keys: string[]): string {
  const last = points[points.length - 1];
  return `From ${points[0].day} to ${last.day}; average score ${formatScore(
    points[0].averageScore,
  )} then ${formatScore(last.averageScore)}. Latest: ${keys
    .map(k => `${last.levels[k] ?? 0} ${levelLabel(k)}`)
    .join(', ')}.`;
}

/**
 * Entities per level and the average score per day, for the filtered
 * entities.
 *
 * @public
 */
export function TrendChart(props: {
  scorecard: string;
  levels: string[];
  filters: ReadinessEntityFilters;
  days: number;
  onDaysChange(days: number): void;
}) {
  const { scorecard, levels, filters, days, onDaysChange } = props;
  const api = useApi(readinessApiRef);
  const theme = useTheme();
  const { value, loading, error } = useAsync(
    () => api.getTrend({ scorecard, filters, from: isoDayBefore(days) }),
    [api, scorecard, JSON.stringify(filters), days],
  );
  const keys = orderedLevelKeys(
    levels,
    (value ?? []).map(p => p.levels),
  );
  const data = (value ?? []).map(p => ({
    day: p.day,
    averageScore: p.averageScore,
    ...p.levels,
  }));

  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ReadinessErrorPanel error={error} />;
  } else if (!value || value.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No history in this range yet: points appear as entities are evaluated.
      </Typography>
    );
  } else {
    content = (
      <Box role="img" aria-label={`Readiness trend. ${describe(value, keys)}`}>
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" minTickGap={24} />
            <YAxis yAxisId="entities" allowDecimals={false} width={48} />
            <YAxis
              yAxisId="score"
              orientation="right"
              domain={[0, 100]}
              unit="%"
              width={48}
            />
            <Tooltip />
            <Legend itemSorter={null} />
            {keys.map(key => (
              <Area
                isAnimationActive={false}
                key={key}
                yAxisId="entities"
                dataKey={key}
                name={levelLabel(key)}
                stackId="levels"
                type="monotone"
                stroke={levelChartColor(key, levels)}
                fill={levelChartColor(key, levels)}
                fillOpacity={0.6}
                dot={data.length === 1}
              />
            ))}
            <Line
              isAnimationActive={false}
              yAxisId="score"
              dataKey="averageScore"
              name="Average score"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              dot={data.length === 1}
              connectNulls
            />
          </ComposedChart>
        </ResponsiveContainer>
      </Box>
    );
  }

  return (
    <InfoCard
      title="Trend"
      subheader="Entities per level and average score, per day"
      action={<RangePicker days={days} onChange={onDaysChange} />}
    >
      {content}
    </InfoCard>
  );
}
