import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Button, CircularProgress } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef, ReadinessEntityFilters } from '../../api';
import { describeError } from '../../utils/errors';

/** Saves a blob under a file name through a temporary link. */
function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * Downloads every result of the filtered entities, one row per entity and a
 * column per check. The request carries the user's credentials, which a
 * plain link would not.
 *
 * @public
 */
export function ExportButton(props: {
  scorecard: string;
  filters: ReadinessEntityFilters;
  format?: 'csv' | 'json';
}) {
  const { scorecard, filters, format = 'csv' } = props;
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const [{ loading }, run] = useAsyncFn(async () => {
    try {
      const blob = await api.exportResults({ format, scorecard, filters });
      download(blob, `readiness-${scorecard}.${format}`);
    } catch (error) {
      alertApi.post({
        message: `Export failed: ${describeError(error as Error)}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, scorecard, JSON.stringify(filters), format]);
  return (
    <Button
      variant="outlined"
      color="primary"
      onClick={run}
      disabled={loading}
      startIcon={loading ? <CircularProgress size={16} /> : <GetAppIcon />}
    >
      Export {format.toLocaleUpperCase('en-US')}
    </Button>
  );
}
