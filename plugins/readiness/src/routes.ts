import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The overview page, at /readiness by default.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'readiness' });

/**
 * The Readiness tab of an entity page; the entity card links to it.
 *
 * @public
 */
export const entityContentRouteRef = createRouteRef({
  id: 'readiness:entity-content',
});
