import { renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  OverviewGroupTable,
  OverviewGroupTableProps,
} from './OverviewGroupTable';

function renderTable(overrides: Partial<OverviewGroupTableProps> = {}) {
  const props: OverviewGroupTableProps = {
    groupBy: 'owner',
    groupByLabel: 'Owner',
    levels: ['bronze', 'silver', 'gold'],
    items: [
      {
        key: 'group:default/team-payments',
        entities: 4,
        levels: { none: 1, bronze: 0, silver: 2, gold: 1 },
        averageScore: 71.4,
      },
      { key: null, entities: 2, levels: { none: 2 }, averageScore: null },
    ],
    total: 42,
    loading: false,
    page: 0,
    pageSize: 10,
    sort: 'key',
    order: 'asc',
    onPageChange: jest.fn(),
    onSortChange: jest.fn(),
    onSelectGroup: jest.fn(),
    ...overrides,
  };
  return renderInTestApp(<OverviewGroupTable {...props} />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  }).then(() => props);
}

describe('OverviewGroupTable', () => {
  it('shows each group with its entities, level counts and average score', async () => {
    await renderTable();

    const [, first, second] = screen.getAllByRole('row');
    expect(
      within(first).getByRole('link', { name: 'team-payments' }),
    ).toBeInTheDocument();
    expect(within(first).getByText('4')).toBeInTheDocument();
    expect(within(first).getByLabelText('Silver entities')).toHaveTextContent(
      '2',
    );
    expect(
      within(first).queryByLabelText('Bronze entities'),
    ).not.toBeInTheDocument();
    expect(within(first).getByText('71%')).toBeInTheDocument();
    expect(within(second).getByText('(none)')).toBeInTheDocument();
    expect(within(second).getByText('—')).toBeInTheDocument();
    expect(screen.getByText('42 groups')).toBeInTheDocument();
  });

  it('narrows the overview to a group, except the group without a value', async () => {
    const props = await renderTable();

    const [, first, second] = screen.getAllByRole('row');
    await userEvent.click(
      within(first).getByRole('button', { name: 'Filter' }),
    );

    expect(props.onSelectGroup).toHaveBeenCalledWith(
      'group:default/team-payments',
    );
    expect(
      within(second).queryByRole('button', { name: 'Filter' }),
    ).not.toBeInTheDocument();
  });

  it('pages and sorts on the server', async () => {
    const props = await renderTable();

    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Average score' })[0],
    );

    await waitFor(() => expect(props.onPageChange).toHaveBeenCalledWith(1, 10));
    expect(props.onSortChange).toHaveBeenCalledWith('averageScore', 'asc');
  });
});
