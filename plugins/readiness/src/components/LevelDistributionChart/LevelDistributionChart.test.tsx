import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { LevelDistributionChart } from './LevelDistributionChart';

describe('LevelDistributionChart', () => {
  it('describes entities per level for each group, levels in order', async () => {
    await renderInTestApp(
      <LevelDistributionChart
        levels={['bronze', 'silver', 'gold']}
        groupByLabel="Owner"
        groups={[
          {
            key: 'group:default/team-payments',
            entities: 3,
            levels: { gold: 1, none: 1, bronze: 1 },
            averageScore: 70,
          },
          { key: null, entities: 2, levels: { none: 2 }, averageScore: 10 },
        ]}
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Level distribution by Owner. team-payments: 1 None, 1 Bronze, 1 Gold; (none): 2 None',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Entities per level, by owner'),
    ).toBeInTheDocument();
  });

  it('says when there is nothing to chart', async () => {
    await renderInTestApp(
      <LevelDistributionChart levels={[]} groupByLabel="System" groups={[]} />,
    );

    expect(screen.getByText('No entity to show.')).toBeInTheDocument();
  });
});
