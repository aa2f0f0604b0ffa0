import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { scorecardDefinition } from '../../__testUtils__/fixtures';
import { TopFailingChecks } from './TopFailingChecks';

describe('TopFailingChecks', () => {
  it('names each check with its level and failure count, and opens drill-down on click', async () => {
    const onSelect = jest.fn();
    await renderInTestApp(
      <TopFailingChecks
        items={[
          { checkId: 'k8s-replicas', failing: 7 },
          { checkId: 'retired-check', failing: 1 },
        ]}
        checks={scorecardDefinition.checks}
        onSelect={onSelect}
      />,
    );

    const items = screen.getAllByRole('button');
    expect(items[0]).toHaveTextContent('Runs at least two replicas');
    expect(items[0]).toHaveTextContent(
      'Bronze · Kubernetes · failing on 7 entities',
    );
    expect(items[1]).toHaveTextContent('retired-check');
    expect(items[1]).toHaveTextContent('failing on 1 entity');

    await userEvent.click(items[0]);
    expect(onSelect).toHaveBeenCalledWith('k8s-replicas');
  });

  it('says when nothing fails', async () => {
    await renderInTestApp(
      <TopFailingChecks items={[]} checks={[]} onSelect={jest.fn()} />,
    );

    expect(
      screen.getByText('No check fails on the selected entities.'),
    ).toBeInTheDocument();
  });
});
