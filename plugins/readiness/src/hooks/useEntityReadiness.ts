import { useApi } from '@backstage/core-plugin-api';
import type { EntityReadiness } from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../api';

/**
 * An entity's readiness, loaded once; `update` replaces it with a fresher
 * answer (e.g. the one a refresh returned) without another request.
 */
export function useEntityReadiness(entityRef: string) {
  const api = useApi(readinessApiRef);
  const [readiness, setReadiness] = useState<EntityReadiness>();
  const { loading, error, retry } = useAsyncRetry(async () => {
    const value = await api.getEntityReadiness(entityRef);
    setReadiness(value);
    return value;
  }, [api, entityRef]);
  return {
    readiness,
    loading: loading && !readiness,
    error,
    retry,
    update: setReadiness,
  };
}
