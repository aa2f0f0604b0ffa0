import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef, ReadinessStatus } from '../../api';

/**
 * Why facts are not fresh: sources whose last attempt failed for some
 * entities, and provider targets (clusters, hosts) that do not answer.
 */
export function factProblems(status: ReadinessStatus): string[] {
  const sources = status.sources
    .filter(s => s.failing > 0)
    .map(
      s =>
        `${s.source}: ${s.failing} of ${s.entities} entities not refreshed, ${
          s.lastSuccessAt
            ? 'earlier facts stay in use until they reach their maximum age'
            : 'their checks are unknown'
        }: ${s.lastError ?? 'no error recorded'}`,
    );
  const targets = (status.targets ?? []).flatMap(p =>
    p.targets
      .filter(t => !t.healthy)
      .map(
        t =>
          `${p.provider} ${t.name} unhealthy (${
            t.lastSuccessAt
              ? `last answer ${t.lastSuccessAt}`
              : 'never answered'
          }): ${t.lastError ?? 'no error recorded'}`,
      ),
  );
  return [...sources, ...targets];
}

/**
 * One line on the backend's health (database and installed fact providers),
 * then one line per fact source or target that is failing, with its cause.
 *
 * @public
 */
export function BackendStatusLine() {
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(() => api.getHealth(), [api]);
  // Source details are extra: without them the health line still stands.
  const status = useAsync(() => api.getStatus(), [api]);
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
  const problems = status.value ? factProblems(status.value) : [];
  return (
    <Box marginBottom={2}>
      <Typography variant="body2" color="textSecondary" component="div">
        {ok ? <StatusOK>{text}</StatusOK> : <StatusError>{text}</StatusError>}
      </Typography>
      {problems.map(problem => (
        <Typography
          key={problem}
          variant="body2"
          color="textSecondary"
          component="div"
        >
          <StatusWarning>{problem}</StatusWarning>
        </Typography>
      ))}
    </Box>
  );
}
