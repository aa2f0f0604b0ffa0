import { useEntityOwnership } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Entity } from '@backstage/catalog-model';
import {
  readinessAttestationCreatePermission,
  readinessExemptionCreatePermission,
  readinessRefreshPermission,
} from '@readiness/backstage-plugin-readiness-common';

/** What the signed-in user may do on an entity's scorecard. */
export interface ReadinessPermissions {
  loading: boolean;
  canRefresh: boolean;
  /** Owners of the entity may attest; everyone else needs the attest permission. */
  canAttest: boolean;
  canExempt: boolean;
}

/** The backend decides in the end; this only hides actions that would be refused. */
export function useReadinessPermissions(entity: Entity): ReadinessPermissions {
  const refresh = usePermission({ permission: readinessRefreshPermission });
  const attest = usePermission({
    permission: readinessAttestationCreatePermission,
  });
  const exempt = usePermission({
    permission: readinessExemptionCreatePermission,
  });
  const ownership = useEntityOwnership();
  return {
    loading:
      refresh.loading || attest.loading || exempt.loading || ownership.loading,
    canRefresh: refresh.allowed,
    canAttest: attest.allowed || ownership.isOwnedEntity(entity),
    canExempt: exempt.allowed,
  };
}
