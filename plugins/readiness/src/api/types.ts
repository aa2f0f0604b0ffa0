import type {
  CheckStatus,
  Evidence,
  OverviewGroupRow,
  PagedResponse,
} from '@readiness/backstage-plugin-readiness-common';

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
 * Entity filters shared by the overview, the entity table, drill-down,
 * trends and export. Values within one field are ORed, fields are ANDed.
 *
 * @public
 */
export interface ReadinessEntityFilters {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  tier?: string[];
  kind?: string[];
  type?: string[];
  /** Level names; `none` matches entities that reached no level. */
  level?: string[];
  /** Case-insensitive substring of the entity ref or title. */
  search?: string;
}

/**
 * The list-valued filter fields, in the order the UI shows them.
 *
 * @public
 */
export const READINESS_FILTER_FIELDS = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'tier',
  'kind',
  'type',
  'level',
] as const;

/**
 * A list-valued filter field.
 *
 * @public
 */
export type ReadinessFilterField = (typeof READINESS_FILTER_FIELDS)[number];

/**
 * The fields the overview can group by.
 *
 * @public
 */
export type ReadinessGroupBy =
  | 'owner'
  | 'system'
  | 'domain'
  | 'lifecycle'
  | 'tier'
  | 'kind';

/**
 * Paging and sorting of a server-side list.
 *
 * @public
 */
export interface ReadinessPageRequest<TSort extends string> {
  /** 1 to 500; the backend defaults to 50. */
  limit?: number;
  offset?: number;
  sort?: TSort;
  order?: 'asc' | 'desc';
}

/**
 * Request of `GET /overview`.
 *
 * @public
 */
export interface ReadinessOverviewRequest
  extends ReadinessPageRequest<'key' | 'entities' | 'averageScore'> {
  scorecard?: string;
  groupBy?: ReadinessGroupBy;
  filters?: ReadinessEntityFilters;
}

/**
 * How often a check fails across the filtered entities.
 *
 * @public
 */
export interface ReadinessCheckFailureCount {
  checkId: string;
  failing: number;
}

/**
 * Answer of `GET /overview`.
 *
 * @public
 */
export interface ReadinessOverview {
  scorecardId: string;
  groupBy: ReadinessGroupBy;
  groups: PagedResponse<OverviewGroupRow>;
  topFailingChecks: ReadinessCheckFailureCount[];
}

/**
 * Request of `GET /entities`.
 *
 * @public
 */
export interface ReadinessEntityListRequest
  extends ReadinessPageRequest<
    'entityRef' | 'title' | 'owner' | 'level' | 'score' | 'evaluatedAt'
  > {
  scorecard?: string;
  filters?: ReadinessEntityFilters;
}

/**
 * Request of `GET /trend`; days as `YYYY-MM-DD`.
 *
 * @public
 */
export interface ReadinessTrendRequest {
  scorecard?: string;
  filters?: ReadinessEntityFilters;
  from?: string;
  to?: string;
}

/**
 * Level distribution and average score of the filtered entities on one day.
 *
 * @public
 */
export interface ReadinessTrendPoint {
  day: string;
  /** Entities per level name, `none` included. */
  levels: Record<string, number>;
  averageScore: number | null;
}

/**
 * One day of an entity's history on a scorecard.
 *
 * @public
 */
export interface ReadinessHistoryPoint {
  day: string;
  level: string | null;
  /** 0 for none, 1 for the lowest level, ... */
  levelRank: number;
  score: number | null;
}

/**
 * Request of `GET /entities/:kind/:namespace/:name/history`.
 *
 * @public
 */
export interface ReadinessHistoryRequest {
  scorecard?: string;
  from?: string;
  to?: string;
}

/**
 * Request of `GET /checks/:checkId/results` (drill-down).
 *
 * @public
 */
export interface ReadinessCheckResultsRequest
  extends ReadinessPageRequest<'entityRef' | 'status' | 'evaluatedAt'> {
  scorecard?: string;
  status?: CheckStatus[];
  filters?: ReadinessEntityFilters;
}

/**
 * One entity's result for one check.
 *
 * @public
 */
export interface ReadinessCheckResultRow {
  entityRef: string;
  title: string | null;
  owner: string | null;
  status: CheckStatus;
  evidence: Evidence[];
  /** When the entity was last evaluated. */
  evaluatedAt: string;
  /** When the result took its current status and evidence. */
  changedAt: string;
}

/**
 * Body of `POST .../attestations`.
 *
 * @public
 */
export interface ReadinessAttestationRequest {
  checkId: string;
  /** An http(s) URL a reviewer can open. */
  evidenceUrl: string;
  note?: string;
  /** Set to attest that the check does not apply, for this reason. */
  notApplicableReason?: string;
  /** ISO timestamp; at most the check's default expiry, which applies when unset. */
  expiresAt?: string;
}

/**
 * Body of `POST .../exemptions`.
 *
 * @public
 */
export interface ReadinessExemptionRequest {
  checkId: string;
  /** At least 10 characters. */
  reason: string;
  /** ISO timestamp, at most 180 days ahead. */
  expiresAt: string;
}

/**
 * Request of `GET /export`.
 *
 * @public
 */
export interface ReadinessExportRequest {
  format: 'csv' | 'json';
  scorecard?: string;
  filters?: ReadinessEntityFilters;
}

/**
 * Health of one fact source, from `GET /status`.
 *
 * @public
 */
export interface ReadinessSourceStatus {
  source: string;
  entities: number;
  failing: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

/**
 * Answer of `GET /status`.
 *
 * @public
 */
export interface ReadinessStatus {
  providers: string[];
  sources: ReadinessSourceStatus[];
  /** What each provider reads from (clusters, hosts) and whether it answered. */
  targets?: ReadinessProviderTargets[];
}

/**
 * Targets of one fact provider, from `GET /status`.
 *
 * @public
 */
export interface ReadinessProviderTargets {
  provider: string;
  targets: Array<{
    name: string;
    healthy: boolean;
    lastSuccessAt?: string;
    lastError?: string;
  }>;
}
