import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReadinessApi } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { isoDayBefore } from '../../utils/format';
import { TrendChart } from './TrendChart';

describe('TrendChart', () => {
  it('asks the backend for the filtered trend and describes the latest distribution', async () => {
    const api = mockReadinessApi({
      getTrend: async () => [
        { day: '2026-01-01', levels: { none: 3, bronze: 1 }, averageScore: 30 },
        { day: '2026-01-02', levels: { none: 2, bronze: 2 }, averageScore: 45 },
      ],
    });
    const onDaysChange = jest.fn();

    await renderWithApis(
      <TrendChart
        scorecard="default"
        levels={['bronze', 'silver']}
        filters={{ owner: ['group:default/a'] }}
        days={30}
        onDaysChange={onDaysChange}
      />,
      { api },
    );

    expect(
      await screen.findByRole('img', {
        name: 'Readiness trend. From 2026-01-01 to 2026-01-02; average score 30% then 45%. Latest: 2 None, 2 Bronze, 0 Silver.',
      }),
    ).toBeInTheDocument();
    expect(api.getTrend).toHaveBeenCalledWith({
      scorecard: 'default',
      filters: { owner: ['group:default/a'] },
      from: isoDayBefore(30),
    });

    await userEvent.click(screen.getByRole('button', { name: '90 days' }));
    await waitFor(() => expect(onDaysChange).toHaveBeenCalledWith(90));
  });

  it('says when there is no history in the range', async () => {
    await renderWithApis(
      <TrendChart
        scorecard="default"
        levels={[]}
        filters={{}}
        days={90}
        onDaysChange={jest.fn()}
      />,
      { api: mockReadinessApi() },
    );

    expect(
      await screen.findByText(/No history in this range yet/),
    ).toBeInTheDocument();
  });
});
