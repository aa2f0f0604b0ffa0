import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Button, CircularProgress } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import type { EntityReadiness } from '@readiness/backstage-plugin-readiness-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { readinessApiRef } from '../../api';
import { describeError } from '../../utils/errors';

/**
 * "Refresh now": collects fresh facts for one entity and re-evaluates it.
 *
 * @public
 */
export function RefreshButton(props: {
  entityRef: string;
  onRefreshed(readiness: EntityReadiness): void;
}) {
  const { entityRef, onRefreshed } = props;
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const [{ loading }, refresh] = useAsyncFn(async () => {
    try {
      onRefreshed(await api.refreshEntity(entityRef));
      alertApi.post({
        message: 'Facts collected and checks re-evaluated.',
        severity: 'success',
        display: 'transient',
      });
    } catch (error) {
      alertApi.post({
        message: `Refresh failed. ${describeError(error as Error)}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, entityRef, onRefreshed]);
  return (
    <Button
      variant="outlined"
      color="primary"
      onClick={refresh}
      disabled={loading}
      startIcon={loading ? <CircularProgress size={16} /> : <RefreshIcon />}
    >
      {loading ? 'Refreshing…' : 'Refresh now'}
    </Button>
  );
}
