import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockReadinessApi,
  scorecardDefinition,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { OverviewFilters, OverviewFiltersProps } from './OverviewFilters';

function renderFilters(
  api: ReturnType<typeof mockReadinessApi>,
  overrides: Partial<OverviewFiltersProps> = {},
) {
  const onChange = jest.fn();
  return renderWithApis(
    <OverviewFilters
      scorecards={[scorecardDefinition]}
      scorecard={scorecardDefinition}
      groupBy="owner"
      filters={{}}
      onChange={onChange}
      {...overrides}
    />,
    { api },
  ).then(() => onChange);
}

describe('OverviewFilters', () => {
  it('offers the values the backend aggregates, shortened, and adds the chosen one', async () => {
    const api = mockReadinessApi({
      getOverview: async () => ({
        scorecardId: 'default',
        groupBy: 'system',
        groups: {
          items: [
            {
              key: 'system:default/checkout',
              entities: 3,
              levels: {},
              averageScore: 1,
            },
            { key: null, entities: 1, levels: {}, averageScore: 1 },
          ],
          total: 2,
        },
        topFailingChecks: [],
      }),
    });
    const onChange = await renderFilters(api, {
      filters: { owner: ['group:default/team-payments'] },
    });

    await userEvent.click(screen.getByLabelText('System'));

    await userEvent.click(
      await screen.findByRole('option', { name: 'checkout' }),
    );
    expect(api.getOverview).toHaveBeenCalledWith({
      scorecard: 'default',
      groupBy: 'system',
      sort: 'entities',
      order: 'desc',
      limit: 200,
    });
    expect(
      screen.queryByRole('option', { name: '(none)' }),
    ).not.toBeInTheDocument();
    expect(onChange).toHaveBeenCalledWith({
      filters: {
        owner: ['group:default/team-payments'],
        system: ['system:default/checkout'],
      },
    });
  });

  it('offers the scorecard levels and "none" without asking the backend', async () => {
    const api = mockReadinessApi();
    await renderFilters(api);

    await userEvent.click(screen.getByLabelText('Level'));

    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['None', 'Bronze', 'Silver', 'Gold']);
    expect(api.getOverview).not.toHaveBeenCalled();
  });

  it('searches after typing stops', async () => {
    const onChange = await renderFilters(mockReadinessApi());

    fireEvent.change(screen.getByLabelText('Search entities'), {
      target: { value: ' payments ' },
    });

    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({
        filters: { search: 'payments' },
      }),
    );
  });

  it('clears every filter at once', async () => {
    const onChange = await renderFilters(mockReadinessApi(), {
      filters: { tier: ['1'], search: 'pay' },
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );

    expect(onChange).toHaveBeenCalledWith({ filters: {} });
  });
});
