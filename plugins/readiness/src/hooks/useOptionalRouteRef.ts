import { RouteRef, useRouteRef } from '@backstage/core-plugin-api';

/**
 * The link to a route, or undefined when the app did not mount it (a card
 * shown without the Readiness tab). `useRouteRef` runs all its hooks before
 * it throws for an unbound ref, so catching keeps the hook order stable.
 */
export function useOptionalRouteRef(routeRef: RouteRef): string | undefined {
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(routeRef)();
  } catch {
    return undefined;
  }
}
