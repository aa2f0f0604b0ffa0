import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows asking for an immediate refresh of an entity's facts and results.
 *
 * @public
 */
export const readinessRefreshPermission = createPermission({
  name: 'readiness.refresh',
  attributes: { action: 'update' },
});

/**
 * Allows attesting checks of entities the user does not own. Members of the
 * owning group may attest without it.
 *
 * @public
 */
export const readinessAttestationCreatePermission = createPermission({
  name: 'readiness.attestation.create',
  attributes: { action: 'create' },
});

/**
 * Allows granting and revoking exemptions.
 *
 * @public
 */
export const readinessExemptionCreatePermission = createPermission({
  name: 'readiness.exemption.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the Readiness plugins.
 *
 * @public
 */
export const readinessPermissions = [
  readinessRefreshPermission,
  readinessAttestationCreatePermission,
  readinessExemptionCreatePermission,
];
