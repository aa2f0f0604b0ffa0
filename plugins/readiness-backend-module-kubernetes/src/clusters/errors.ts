/**
 * Why a request to a cluster failed, phrased for the status page and for
 * the error facts of affected entities (`403 Forbidden (GET /apis/apps/v1/deployments): ...`).
 */
export class ClusterRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, when the server answered. */
    readonly status: number | undefined,
    /** `http`, `timeout`, `aborted` or `network`. */
    readonly reason: 'http' | 'timeout' | 'aborted' | 'network',
  ) {
    super(message);
    this.name = 'ClusterRequestError';
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Builds the error for a non-200 answer, with the server's `Status` message when it sent one. */
export function httpError(
  status: number,
  path: string,
  body: string,
): ClusterRequestError {
  let detail = '';
  try {
    const parsed = JSON.parse(body);
    if (parsed && typeof parsed.message === 'string')
      detail = `: ${parsed.message}`;
  } catch {
    detail = body ? `: ${body.slice(0, 200)}` : '';
  }
  const text = STATUS_TEXT[status] ?? 'HTTP error';
  return new ClusterRequestError(
    `${status} ${text} (GET ${path})${detail}`,
    status,
    'http',
  );
}
