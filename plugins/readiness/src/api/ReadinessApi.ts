import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Attestation,
  AuditEvent,
  EntityReadiness,
  EntityScoreRow,
  Exemption,
  PagedResponse,
  Scorecard,
} from '@readiness/backstage-plugin-readiness-common';
import type {
  ReadinessAttestationRequest,
  ReadinessCheckResultRow,
  ReadinessCheckResultsRequest,
  ReadinessEntityListRequest,
  ReadinessExemptionRequest,
  ReadinessExportRequest,
  ReadinessHealth,
  ReadinessHistoryPoint,
  ReadinessHistoryRequest,
  ReadinessOverview,
  ReadinessOverviewRequest,
  ReadinessStatus,
  ReadinessTrendPoint,
  ReadinessTrendRequest,
} from './types';

/**
 * An entity, as a ref string (`component:default/payments-api`) or compound ref.
 *
 * @public
 */
export type ReadinessEntityRef = string | CompoundEntityRef;

/**
 * Client of the readiness backend. Every list is paged, sorted and
 * aggregated by the backend; errors are `ResponseError`s.
 *
 * @public
 */
export interface ReadinessApi {
  getHealth(): Promise<ReadinessHealth>;
  getStatus(): Promise<ReadinessStatus>;
  getScorecards(): Promise<Scorecard[]>;

  getEntityReadiness(entityRef: ReadinessEntityRef): Promise<EntityReadiness>;
  getEntityHistory(
    entityRef: ReadinessEntityRef,
    request?: ReadinessHistoryRequest,
  ): Promise<ReadinessHistoryPoint[]>;
  /** Collects fresh facts, re-evaluates, and answers with the new standing. */
  refreshEntity(entityRef: ReadinessEntityRef): Promise<EntityReadiness>;
  createAttestation(
    entityRef: ReadinessEntityRef,
    request: ReadinessAttestationRequest,
  ): Promise<Attestation>;
  createExemption(
    entityRef: ReadinessEntityRef,
    request: ReadinessExemptionRequest,
  ): Promise<Exemption>;
  revokeExemption(
    entityRef: ReadinessEntityRef,
    exemptionId: string,
  ): Promise<Exemption>;
  /** Withdraws an attestation: it is kept, marked revoked, and stops counting. */
  revokeAttestation(
    entityRef: ReadinessEntityRef,
    attestationId: string,
  ): Promise<Attestation>;
  /** Every attestation, exemption and revocation of the entity, oldest first. */
  getAuditTrail(entityRef: ReadinessEntityRef): Promise<AuditEvent[]>;

  getOverview(request: ReadinessOverviewRequest): Promise<ReadinessOverview>;
  listEntityScores(
    request: ReadinessEntityListRequest,
  ): Promise<PagedResponse<EntityScoreRow>>;
  getTrend(request: ReadinessTrendRequest): Promise<ReadinessTrendPoint[]>;
  getCheckResults(
    checkId: string,
    request: ReadinessCheckResultsRequest,
  ): Promise<PagedResponse<ReadinessCheckResultRow>>;
  /** The filtered results as a file, for download. */
  exportResults(request: ReadinessExportRequest): Promise<Blob>;
}

/**
 * API reference for {@link ReadinessApi}.
 *
 * @public
 */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.api',
});
