import { InfoCard } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import type { OverviewGroupRow } from '@readiness/backstage-plugin-readiness-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatGroupKey } from '../../utils/groupKeys';
import {
  levelChartColor,
  levelLabel,
  orderedLevelKeys,
} from '../../utils/levels';

function describe(groups: OverviewGroupRow[], keys: string[]): string {
  return groups
    .map(
      g =>
        `${formatGroupKey(g.key)}: ${keys
          .filter(k => g.levels[k])
          .map(k => `${g.levels[k]} ${levelLabel(k)}`)
          .join(', ')}`,
    )
    .join('; ');
}

/**
 * Entities per level in each group of the current page, as stacked bars.
 *
 * @public
 */
export function LevelDistributionChart(props: {
  groups: OverviewGroupRow[];
  levels: string[];
  groupByLabel: string;
}) {
  const { groups, levels, groupByLabel } = props;
  const keys = orderedLevelKeys(
    levels,
    groups.map(g => g.levels),
  );
  const data = groups.map(g => ({
    name: formatGroupKey(g.key),
    ...g.levels,
  }));
  return (
    <InfoCard
      title="Level distribution"
      subheader={`Entities per level, by ${groupByLabel.toLocaleLowerCase(
        'en-US',
      )}`}
    >
      {groups.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No entity to show.
        </Typography>
      ) : (
        <Box
          role="img"
          aria-label={`Level distribution by ${groupByLabel}. ${describe(
            groups,
            keys,
          )}`}
        >
          <ResponsiveContainer
            width="100%"
            height={Math.max(160, 36 * groups.length + 70)}
          >
            <BarChart data={data} layout="vertical" margin={{ left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={140} />
              <Tooltip />
              <Legend itemSorter={null} />
              {keys.map(key => (
                <Bar
                  isAnimationActive={false}
                  key={key}
                  dataKey={key}
                  name={levelLabel(key)}
                  stackId="levels"
                  fill={levelChartColor(key, levels)}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
    </InfoCard>
  );
}
