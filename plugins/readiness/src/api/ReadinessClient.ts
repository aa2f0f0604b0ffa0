import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Attestation,
  AuditEvent,
  EntityReadiness,
  EntityScoreRow,
  Exemption,
  PagedResponse,
  Scorecard,
} from '@readiness/backstage-plugin-readiness-common';
import { ReadinessApi, ReadinessEntityRef } from './ReadinessApi';
import type {
  ReadinessAttestationRequest,
  ReadinessCheckResultRow,
  ReadinessCheckResultsRequest,
  ReadinessEntityFilters,
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

type QueryValue = string | number | string[] | undefined;

/** Query string with list values repeated (`owner=a&owner=b`) and empty values left out. */
function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      value.forEach(v => search.append(key, v));
    } else if (value !== undefined && value !== '') {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function filterParams(
  filters: ReadinessEntityFilters = {},
): Record<string, QueryValue> {
  return { ...filters, search: filters.search?.trim() || undefined };
}

function entityPath(entityRef: ReadinessEntityRef): string {
  const { kind, namespace, name } =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/**
 * {@link ReadinessApi} over HTTP, through Backstage's discovery and fetch APIs.
 *
 * @public
 */
export class ReadinessClient implements ReadinessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<ReadinessHealth> {
    // A 503 still carries the health report; anything else is an error.
    const response = await this.send('/health', {}, [503]);
    return await response.json();
  }

  async getStatus(): Promise<ReadinessStatus> {
    return this.json('/status');
  }

  async getScorecards(): Promise<Scorecard[]> {
    const { items } = await this.json<{ items: Scorecard[] }>('/scorecards');
    return items;
  }

  async getEntityReadiness(
    entityRef: ReadinessEntityRef,
  ): Promise<EntityReadiness> {
    return this.json(entityPath(entityRef));
  }

  async getEntityHistory(
    entityRef: ReadinessEntityRef,
    request: ReadinessHistoryRequest = {},
  ): Promise<ReadinessHistoryPoint[]> {
    const { items } = await this.json<{ items: ReadinessHistoryPoint[] }>(
      `${entityPath(entityRef)}/history${queryString({ ...request })}`,
    );
    return items;
  }

  async refreshEntity(entityRef: ReadinessEntityRef): Promise<EntityReadiness> {
    return this.json(`${entityPath(entityRef)}/refresh`, { method: 'POST' });
  }

  async createAttestation(
    entityRef: ReadinessEntityRef,
    request: ReadinessAttestationRequest,
  ): Promise<Attestation> {
    return this.json(`${entityPath(entityRef)}/attestations`, {
      method: 'POST',
      body: request,
    });
  }

  async createExemption(
    entityRef: ReadinessEntityRef,
    request: ReadinessExemptionRequest,
  ): Promise<Exemption> {
    return this.json(`${entityPath(entityRef)}/exemptions`, {
      method: 'POST',
      body: request,
    });
  }

  async revokeExemption(
    entityRef: ReadinessEntityRef,
    exemptionId: string,
  ): Promise<Exemption> {
    return this.json(
      `${entityPath(entityRef)}/exemptions/${encodeURIComponent(exemptionId)}`,
      { method: 'DELETE' },
    );
  }

  async revokeAttestation(
    entityRef: ReadinessEntityRef,
    attestationId: string,
  ): Promise<Attestation> {
    return this.json(
      `${entityPath(entityRef)}/attestations/${encodeURIComponent(
        attestationId,
      )}`,
      { method: 'DELETE' },
    );
  }

  async getAuditTrail(entityRef: ReadinessEntityRef): Promise<AuditEvent[]> {
    const { items } = await this.json<{ items: AuditEvent[] }>(
      `${entityPath(entityRef)}/audit`,
    );
    return items;
  }

  async getOverview(
    request: ReadinessOverviewRequest,
  ): Promise<ReadinessOverview> {
    const { filters, ...rest } = request;
    return this.json(
      `/overview${queryString({ ...rest, ...filterParams(filters) })}`,
    );
  }

  async listEntityScores(
    request: ReadinessEntityListRequest,
  ): Promise<PagedResponse<EntityScoreRow>> {
    const { filters, ...rest } = request;
    return this.json(
      `/entities${queryString({ ...rest, ...filterParams(filters) })}`,
    );
  }

  async getTrend(
    request: ReadinessTrendRequest,
  ): Promise<ReadinessTrendPoint[]> {
    const { filters, ...rest } = request;
    const { items } = await this.json<{ items: ReadinessTrendPoint[] }>(
      `/trend${queryString({ ...rest, ...filterParams(filters) })}`,
    );
    return items;
  }

  async getCheckResults(
    checkId: string,
    request: ReadinessCheckResultsRequest,
  ): Promise<PagedResponse<ReadinessCheckResultRow>> {
    const { filters, ...rest } = request;
    return this.json(
      `/checks/${encodeURIComponent(checkId)}/results${queryString({
        ...rest,
        ...filterParams(filters),
      })}`,
    );
  }

  async exportResults(request: ReadinessExportRequest): Promise<Blob> {
    const { filters, ...rest } = request;
    const response = await this.send(
      `/export${queryString({ ...rest, ...filterParams(filters) })}`,
    );
    return await response.blob();
  }

  private async json<T>(
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const response = await this.send(path, init);
    return await response.json();
  }

  private async send(
    path: string,
    init: { method?: string; body?: unknown } = {},
    acceptedStatuses: number[] = [],
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('readiness');
    const url = `${baseUrl}${path}`;
    const response =
      init.method || init.body !== undefined
        ? await this.fetchApi.fetch(url, {
            method: init.method ?? 'GET',
            ...(init.body !== undefined && {
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(init.body),
            }),
          })
        : await this.fetchApi.fetch(url);
    if (!response.ok && !acceptedStatuses.includes(response.status)) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
