/** A sentence for an error from the readiness backend, plainer for the common statuses. */
export function describeError(error: Error): string {
  const status = (error as { statusCode?: number }).statusCode;
  const message = (error as { body?: { error?: { message?: string } } }).body
    ?.error?.message;
  const detail = message ?? error.message;
  switch (status) {
    case 403:
      return `You are not allowed to do this: ${detail}`;
    case 400:
      return `The backend rejected the input: ${detail}`;
    case 404:
      return `Not found: ${detail}`;
    default:
      return detail;
  }
}
