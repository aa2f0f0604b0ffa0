import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReadinessApi, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { localDayAfter, localDayStartIso } from '../../utils/format';
import { ExemptDialog } from './ExemptDialog';

const CHECK = { checkId: 'k8s-replicas', title: 'Runs at least two replicas' };

async function renderDialog(api = mockReadinessApi()) {
  const onExempted = jest.fn();
  await renderWithApis(
    <ExemptDialog
      open
      entityRef="component:default/payments-api"
      check={CHECK}
      onClose={jest.fn()}
      onExempted={onExempted}
    />,
    { api },
  );
  return { api, onExempted };
}

const setField = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () =>
  userEvent.click(screen.getByRole('button', { name: 'Grant exemption' }));

describe('ExemptDialog', () => {
  it('starts with a 90-day expiry and requires a reason of at least 10 characters', async () => {
    const { api } = await renderDialog();

    expect(screen.getByLabelText(/Expires on/)).toHaveValue(localDayAfter(90));
    setField(/Reason/, 'because');
    await submit();

    expect(
      screen.getByText('Say why, in at least 10 characters.'),
    ).toBeInTheDocument();
    expect(api.createExemption).not.toHaveBeenCalled();
  });

  it('refuses a missing expiry and one beyond 180 days', async () => {
    const { api } = await renderDialog();

    setField(/Reason/, 'Batch job: one replica is enough');
    setField(/Expires on/, '');
    await submit();
    expect(
      screen.getByText('Every exemption expires; pick the day.'),
    ).toBeInTheDocument();

    setField(/Expires on/, localDayAfter(200));
    expect(
      screen.getByText('Exemptions last at most 180 days.'),
    ).toBeInTheDocument();
    expect(api.createExemption).not.toHaveBeenCalled();
  });

  it('sends the reason and the expiry', async () => {
    const api = mockReadinessApi({
      createExemption: async () => ({ id: 'ex-1' } as any),
    });
    const { onExempted } = await renderDialog(api);
    const expiresOn = localDayAfter(14);

    setField(/Reason/, '  Batch job: one replica is enough  ');
    setField(/Expires on/, expiresOn);
    await submit();

    await waitFor(() => expect(onExempted).toHaveBeenCalled());
    expect(api.createExemption).toHaveBeenCalledWith(
      'component:default/payments-api',
      {
        checkId: 'k8s-replicas',
        reason: 'Batch job: one replica is enough',
        expiresAt: localDayStartIso(expiresOn),
      },
    );
  });

  it('shows why the backend refused', async () => {
    const api = mockReadinessApi({
      createExemption: async () => {
        throw await responseError(
          403,
          'Missing permission readiness.exemption.create',
        );
      },
    });
    const { onExempted } = await renderDialog(api);

    setField(/Reason/, 'Batch job: one replica is enough');
    await submit();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You are not allowed to do this: Missing permission readiness.exemption.create',
    );
    expect(onExempted).not.toHaveBeenCalled();
  });
});
