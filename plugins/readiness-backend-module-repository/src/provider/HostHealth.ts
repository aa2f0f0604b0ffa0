import { FactTargetStatus } from '@readiness/backstage-plugin-readiness-node';

interface HostRecord {
  reads: number;
  notModified: number;
  failures: number;
  lastSuccessAt?: string;
  lastError?: string;
  /** The last outcome was a failure of the host itself (not one repository's). */
  failing: boolean;
}

/**
 * Errors that concern one repository, not the host: a missing repository,
 * a tree over the limits. Everything else (connection, credentials, server
 * errors, a host the UrlReaderService refuses) makes the host unhealthy.
 */
const REPOSITORY_ERRORS = new Set(['NotFoundError', 'TreeLimitError']);

/** Health of every host the provider read from, for `GET /api/readiness/status`. */
export class HostHealth {
  private readonly hosts = new Map<string, HostRecord>();

  private record(host: string): HostRecord {
    let record = this.hosts.get(host);
    if (!record) {
      record = { reads: 0, notModified: 0, failures: 0, failing: false };
      this.hosts.set(host, record);
    }
    return record;
  }

  succeeded(host: string, notModified: boolean): void {
    const record = this.record(host);
    record.reads += 1;
    if (notModified) record.notModified += 1;
    record.lastSuccessAt = new Date().toISOString();
    record.failing = false;
  }

  failed(host: string, error: Error): void {
    const record = this.record(host);
    record.reads += 1;
    record.failures += 1;
    record.lastError = error.message;
    record.failing = !REPOSITORY_ERRORS.has(error.name);
  }

  list(): FactTargetStatus[] {
    return [...this.hosts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, record]) => ({
        name,
        healthy: !record.failing,
        lastSuccessAt: record.lastSuccessAt,
        lastError: record.lastError,
        details: {
          reads: record.reads,
          notModified: record.notModified,
          failures: record.failures,
        },
      }));
  }
}

/** The host a tree source belongs to: the URL's host, or `local` for file trees. */
export function hostOf(
  source: { type: 'url'; url: string } | { type: 'file' },
): string {
  if (source.type === 'file') return 'local';
  try {
    return new URL(source.url).host;
  } catch {
    return source.url;
  }
}
