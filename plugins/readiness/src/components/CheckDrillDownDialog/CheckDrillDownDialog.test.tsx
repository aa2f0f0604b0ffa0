import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockReadinessApi,
  responseError,
  scorecardDefinition,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { CheckDrillDownDialog } from './CheckDrillDownDialog';

const failing = {
  entityRef: 'component:default/payments-api',
  title: 'Payments API',
  owner: 'group:default/team-payments',
  status: 'fail' as const,
  evidence: [
    {
      object: 'deployment payments/checkout',
      status: 'fail' as const,
      message: 'runs 1 replica, 2 required',
    },
    {
      object: 'deployment payments/worker',
      status: 'pass' as const,
      message: 'runs 3 replicas',
    },
  ],
  evaluatedAt: new Date().toISOString(),
  changedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
};

function renderDialog(api: ReturnType<typeof mockReadinessApi>) {
  const onClose = jest.fn();
  return renderWithApis(
    <CheckDrillDownDialog
      checkId="k8s-replicas"
      check={scorecardDefinition.checks[0]}
      scorecard="default"
      filters={{ system: ['system:default/checkout'] }}
      onClose={onClose}
    />,
    { api },
  ).then(() => onClose);
}

describe('CheckDrillDownDialog', () => {
  it('lists the entities failing the check with the evidence that says why', async () => {
    const api = mockReadinessApi({
      getCheckResults: async () => ({ items: [failing], total: 1 }),
    });

    await renderDialog(api);

    const dialog = await screen.findByRole('dialog', {
      name: 'Runs at least two replicas',
    });
    expect(await within(dialog).findByText('Payments API')).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'deployment payments/checkout: runs 1 replica, 2 required',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).queryByText(/runs 3 replicas/),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).getByText(/To fix: Set spec.replicas to 2./),
    ).toBeInTheDocument();
    expect(api.getCheckResults).toHaveBeenCalledWith('k8s-replicas', {
      scorecard: 'default',
      filters: { system: ['system:default/checkout'] },
      status: ['fail'],
      limit: 10,
      offset: 0,
    });
  });

  it('switches to entities whose result is unknown', async () => {
    const api = mockReadinessApi({
      getCheckResults: async () => ({ items: [], total: 0 }),
    });
    await renderDialog(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Unknown' }),
    );

    await waitFor(() =>
      expect(api.getCheckResults).toHaveBeenLastCalledWith(
        'k8s-replicas',
        expect.objectContaining({ status: ['unknown'], offset: 0 }),
      ),
    );
    expect(
      await screen.findByText('No entity has this result.'),
    ).toBeInTheDocument();
  });

  it('shows a failed load and closes', async () => {
    const api = mockReadinessApi({
      getCheckResults: async () => {
        throw await responseError(
          404,
          'Scorecard default has no check k8s-replicas',
        );
      },
    });
    const onClose = await renderDialog(api);

    expect(
      await screen.findByText(
        /Not found: Scorecard default has no check k8s-replicas/,
        {
          selector: 'h6',
        },
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});
