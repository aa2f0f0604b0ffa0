import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReadinessApi, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { isoDayBefore } from '../../utils/format';
import { HistoryChart } from './HistoryChart';

const props = {
  entityRef: 'component:default/payments-api',
  scorecardId: 'default',
  levels: ['bronze', 'silver', 'gold'],
};

describe('HistoryChart', () => {
  it('charts score and level over the last 90 days and describes them for screen readers', async () => {
    const api = mockReadinessApi({
      getEntityHistory: async () => [
        { day: '2026-01-01', level: null, levelRank: 0, score: 40 },
        { day: '2026-01-02', level: 'bronze', levelRank: 1, score: 62.5 },
      ],
    });

    await renderWithApis(<HistoryChart {...props} />, { api });

    expect(
      await screen.findByRole('img', {
        name: 'Score and level history. Score 40% on 2026-01-01, 63% on 2026-01-02; level None then Bronze.',
      }),
    ).toBeInTheDocument();
    expect(api.getEntityHistory).toHaveBeenCalledWith(
      'component:default/payments-api',
      { scorecard: 'default', from: isoDayBefore(90) },
    );
  });

  it('loads another range when one is picked', async () => {
    const api = mockReadinessApi();
    await renderWithApis(<HistoryChart {...props} />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: '1 year' }),
    );

    await waitFor(() =>
      expect(api.getEntityHistory).toHaveBeenLastCalledWith(
        'component:default/payments-api',
        { scorecard: 'default', from: isoDayBefore(365) },
      ),
    );
  });

  it('says when there is no history yet', async () => {
    await renderWithApis(<HistoryChart {...props} />, {
      api: mockReadinessApi(),
    });

    expect(
      await screen.findByText(/No history in this range yet/),
    ).toBeInTheDocument();
  });

  it('shows a failed load', async () => {
    const api = mockReadinessApi({
      getEntityHistory: async () => {
        throw await responseError(400, 'from: must be a day, YYYY-MM-DD');
      },
    });
    await renderWithApis(<HistoryChart {...props} />, { api });

    expect(
      await screen.findByText(/from: must be a day, YYYY-MM-DD/, {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
  });
});
