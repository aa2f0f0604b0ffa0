import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReadinessApi, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { localDayAfter, localDayStartIso } from '../../utils/format';
import { AttestDialog } from './AttestDialog';

const CHECK = { checkId: 'runbook-reviewed', title: 'Runbook reviewed' };

async function renderDialog(api = mockReadinessApi()) {
  const onClose = jest.fn();
  const onAttested = jest.fn();
  await renderWithApis(
    <AttestDialog
      open
      entityRef="component:default/payments-api"
      check={CHECK}
      onClose={onClose}
      onAttested={onAttested}
    />,
    { api },
  );
  return { api, onClose, onAttested };
}

const setField = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () =>
  userEvent.click(screen.getByRole('button', { name: 'Attest' }));

describe('AttestDialog', () => {
  it('requires an evidence URL before it sends anything', async () => {
    const { api } = await renderDialog();

    await submit();

    expect(
      screen.getByText('Link to the evidence: a runbook, a ticket, a report.'),
    ).toBeInTheDocument();
    expect(api.createAttestation).not.toHaveBeenCalled();
  });

  it('accepts only http and https evidence URLs', async () => {
    const { api } = await renderDialog();

    setField(/Evidence URL/, 'ftp://files.example.com/runbook');
    await submit();

    expect(
      screen.getByText('Enter a full http:// or https:// URL.'),
    ).toBeInTheDocument();
    expect(api.createAttestation).not.toHaveBeenCalled();
  });

  it('sends the attestation with note and expiry, and reports it saved', async () => {
    const saved = { id: 'a1' };
    const api = mockReadinessApi({
      createAttestation: async () => saved as any,
    });
    const { onAttested } = await renderDialog(api);
    const expiresOn = localDayAfter(30);

    setField(/Evidence URL/, ' https://wiki.example.com/runbook ');
    setField(/Note/, 'Reviewed with on-call');
    setField(/Expires on/, expiresOn);
    await submit();

    await waitFor(() => expect(onAttested).toHaveBeenCalledWith(saved));
    expect(api.createAttestation).toHaveBeenCalledWith(
      'component:default/payments-api',
      {
        checkId: 'runbook-reviewed',
        evidenceUrl: 'https://wiki.example.com/runbook',
        note: 'Reviewed with on-call',
        notApplicableReason: undefined,
        expiresAt: localDayStartIso(expiresOn),
      },
    );
  });

  it('asks why when the check is attested as not applicable', async () => {
    const api = mockReadinessApi({
      createAttestation: async () => ({ id: 'a2' } as any),
    });
    await renderDialog(api);

    setField(/Evidence URL/, 'https://wiki.example.com/adr-12');
    await userEvent.click(
      screen.getByLabelText('This check does not apply to this entity'),
    );
    await submit();
    expect(
      screen.getByText('Say why the check does not apply.'),
    ).toBeInTheDocument();
    expect(api.createAttestation).not.toHaveBeenCalled();

    setField(/Why it does not apply/, 'Stateless: no data to back up');
    await submit();

    await waitFor(() =>
      expect(api.createAttestation).toHaveBeenCalledWith(
        'component:default/payments-api',
        expect.objectContaining({
          notApplicableReason: 'Stateless: no data to back up',
        }),
      ),
    );
  });

  it('refuses an expiry later than the check allows', async () => {
    const { api } = await renderDialog();
    await waitFor(() => expect(api.getScorecards).toHaveBeenCalled());
    expect(
      await screen.findByText(
        'Optional; by default 90 days from now, the longest allowed.',
      ),
    ).toBeInTheDocument();

    setField(/Evidence URL/, 'https://wiki.example.com/runbook');
    setField(/Expires on/, localDayAfter(120));
    await submit();

    expect(
      screen.getByText('Attestations of this check last at most 90 days.'),
    ).toBeInTheDocument();
    expect(api.createAttestation).not.toHaveBeenCalled();
  });

  it('shows a refusal by the backend and stays open', async () => {
    const api = mockReadinessApi({
      createAttestation: async () => {
        throw await responseError(
          403,
          'Missing permission readiness.attestation.create',
        );
      },
    });
    const { onAttested, onClose } = await renderDialog(api);

    setField(/Evidence URL/, 'https://wiki.example.com/runbook');
    await submit();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You are not allowed to do this: Missing permission readiness.attestation.create',
    );
    expect(onAttested).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('closes on cancel', async () => {
    const { onClose } = await renderDialog();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onClose).toHaveBeenCalled();
  });
});
