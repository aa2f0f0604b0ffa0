import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntityScoreRow } from '@readiness/backstage-plugin-readiness-common';
import { mockReadinessApi, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { EntityScoreTable, EntityScoreTableProps } from './EntityScoreTable';

function row(
  name: string,
  overrides: Partial<EntityScoreRow> = {},
): EntityScoreRow {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    kind: 'Component',
    type: 'service',
    owner: 'group:default/team-payments',
    system: null,
    domain: null,
    lifecycle: 'production',
    tier: '1',
    level: 'bronze',
    score: 55,
    counts: { pass: 5, fail: 3, unknown: 1, exempt: 0, 'not-applicable': 0 },
    evaluatedAt: new Date().toISOString(),
    ...overrides,
  };
}

function renderTable(
  api: ReturnType<typeof mockReadinessApi>,
  overrides: Partial<EntityScoreTableProps> = {},
) {
  const props: EntityScoreTableProps = {
    scorecard: 'default',
    levels: ['bronze', 'silver', 'gold'],
    filters: { owner: ['group:default/team-payments'] },
    page: 0,
    pageSize: 10,
    sort: 'score',
    order: 'asc',
    onPageChange: jest.fn(),
    onSortChange: jest.fn(),
    ...overrides,
  };
  return renderWithApis(<EntityScoreTable {...props} />, { api }).then(
    () => props,
  );
}

describe('EntityScoreTable', () => {
  it('asks the backend for one page with the filters and sort, and shows level, score and counts', async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => ({
        items: [row('payments-api', { level: null, score: 12 })],
        total: 10_000,
      }),
    });

    await renderTable(api, { page: 3, pageSize: 25 });

    expect(await screen.findByText('10000 entities')).toBeInTheDocument();
    expect(api.listEntityScores).toHaveBeenCalledWith({
      scorecard: 'default',
      filters: { owner: ['group:default/team-payments'] },
      sort: 'score',
      order: 'asc',
      limit: 25,
      offset: 75,
    });
    const cells = screen.getAllByRole('row')[1];
    expect(within(cells).getByText('payments-api')).toBeInTheDocument();
    expect(within(cells).getByText('No level')).toBeInTheDocument();
    expect(within(cells).getByText('12%')).toBeInTheDocument();
    expect(within(cells).getByText('3')).toBeInTheDocument();
    expect(screen.getAllByText('76-100 of 10000').length).toBeGreaterThan(0);
  });

  it('asks for the next page through the pager', async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => ({
        items: Array.from({ length: 10 }, (_, i) => row(`svc-${i}`)),
        total: 30,
      }),
    });
    const props = await renderTable(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Next Page' }),
    );

    await waitFor(() => expect(props.onPageChange).toHaveBeenCalledWith(1, 10));
  });

  it('sorts on the server when a column header is clicked', async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => ({ items: [row('a')], total: 1 }),
    });
    const props = await renderTable(api);

    await userEvent.click(
      (
        await screen.findAllByRole('button', { name: 'Level' })
      )[0],
    );

    await waitFor(() =>
      expect(props.onSortChange).toHaveBeenCalledWith('level', 'asc'),
    );
  });

  it('says when no entity matches', async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => ({ items: [], total: 0 }),
    });
    await renderTable(api);

    expect(
      await screen.findByText('No entity matches the filters.'),
    ).toBeInTheDocument();
  });

  it('shows a failed load', async () => {
    const api = mockReadinessApi({
      listEntityScores: async () => {
        throw await responseError(400, 'limit: must be at most 500');
      },
    });
    await renderTable(api);

    expect(
      await screen.findByText(
        /Could not load entities: The backend rejected the input: limit: must be at most 500/,
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
  });
});
