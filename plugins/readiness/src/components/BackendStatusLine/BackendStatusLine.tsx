import { StatusError, StatusOK } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';

/**
 * One line on the backend's health: database and installed fact providers.
 *
 * @public
 */
export function BackendStatusLine() {
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(() => api.getHealth(), [api]);
  if (loading) {
    return null;
  }
  let text: string;
  let ok: boolean;
  if (error || !value) {
    ok = false;
    text = `Readiness backend unreachable: ${error?.message ?? 'no answer'}`;
  } else {
    ok = value.status === 'ok';
    text = [
      `Backend ${value.status}`,
      value.database.reachable
        ? 'database reachable'
        : `database not reachable: ${value.database.error}`,
      `fact providers: ${value.factProviders.join(', ') || 'none installed'}`,
    ].join(' · ');
  }
  return (
    <Box marginBottom={2}>
      <Typography variant="body2" color="textSecondary" component="div">
        {ok ? <StatusOK>{text}</StatusOK> : <StatusError>{text}</StatusError>}
      </Typography>
    </Box>
  );
}
