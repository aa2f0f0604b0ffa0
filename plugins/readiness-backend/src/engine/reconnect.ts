/**
 * PostgreSQL error codes of a session the server ended: an administrator's
 * pg_terminate_backend or a shutdown (57P01), a crash of another backend
 * (57P02). The connection is dead, the server is not: another one from the
 * pool may work.
 */
const ENDED_SESSION_CODES = new Set(['57P01', '57P02']);

/** What node-postgres says when a pooled connection's socket was closed under it. */
const ENDED_CONNECTION_MESSAGE = /Connection terminated unexpectedly/;

/** Whether the error says the server ended this connection's session. */
export function isEndedSession(error: unknown): boolean {
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  return (
    (typeof code === 'string' && ENDED_SESSION_CODES.has(code)) ||
    (typeof message === 'string' && ENDED_CONNECTION_MESSAGE.test(message))
  );
}

/**
 * Runs a store call again when the server ended the session it ran on, up to
 * `attempts` times in all: pooled connections ended together (a restart, an
 * administrator) are each found dead only when used, and the pool replaces
 * them one by one. Other errors, such as a refused connection, are thrown at
 * once so that a run fails fast and its claims expire.
 */
export async function retryEndedSessions<T>(
  call: () => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !isEndedSession(error)) {
        throw error;
      }
    }
  }
}
