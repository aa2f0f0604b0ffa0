import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReadinessApi, responseError } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';
import { ExportButton } from './ExportButton';

describe('ExportButton', () => {
  const createObjectURL = jest.fn(() => 'blob:readiness');
  const revokeObjectURL = jest.fn();

  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  it('downloads the filtered export through the API client as a file', async () => {
    const blob = new Blob(['entityRef,level\n']);
    const api = mockReadinessApi({ exportResults: async () => blob });
    const clicked: string[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
        clicked.push(this.download);
      });

    await renderWithApis(
      <ExportButton scorecard="default" filters={{ tier: ['1'] }} />,
      { api },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(clicked).toEqual(['readiness-default.csv']));
    expect(api.exportResults).toHaveBeenCalledWith({
      format: 'csv',
      scorecard: 'default',
      filters: { tier: ['1'] },
    });
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:readiness');
  });

  it('reports a failed export', async () => {
    const api = mockReadinessApi({
      exportResults: async () => {
        throw await responseError(500, 'export stream broke');
      },
    });
    const { alertApi } = await renderWithApis(
      <ExportButton scorecard="default" filters={{}} format="json" />,
      { api },
    );

    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));

    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith({
        message: 'Export failed: export stream broke',
        severity: 'error',
      }),
    );
  });
});
