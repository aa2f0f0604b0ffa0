import { createRouteRef } from '@backstage/core-plugin-api';

/** The overview page, at /readiness by default. */
export const rootRouteRef = createRouteRef({ id: 'readiness' });
