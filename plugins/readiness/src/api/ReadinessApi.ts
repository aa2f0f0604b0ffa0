import { createApiRef } from '@backstage/core-plugin-api';

/**
 * The health of the readiness backend, as served by `GET /health`.
 *
 * @public
 */
export interface ReadinessHealth {
  status: 'ok' | 'error';
  database: { reachable: boolean; error?: string };
  factProviders: string[];
}

/**
 * Client of the readiness backend.
 *
 * @public
 */
export interface ReadinessApi {
  getHealth(): Promise<ReadinessHealth>;
}

/**
 * API reference for {@link ReadinessApi}.
 *
 * @public
 */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.api',
});
