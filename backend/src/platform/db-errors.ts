/** The constraint a database error names, with its SQLSTATE; on pg and PGlite, wrapped by Drizzle or not. */
export function violatedConstraint(error: unknown): { code: string; constraint: string } | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code, constraint } = current as { code?: string; constraint?: string };
    if (code?.startsWith('23')) return { code, constraint: constraint ?? '' };
  }
  return undefined;
}

/** The constraint a unique violation broke, or undefined for any other error. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  const violation = violatedConstraint(error);
  return violation?.code === '23505' ? violation.constraint : undefined;
}

/** A deadlock or serialization failure: the database rolled back a transaction that may simply run again. */
export function isTransientConflict(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code } = current as { code?: string };
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

// Connection-level failures: the server is restarting, shutting down or unreachable. The request
// did not fail for anything it sent, so it may be tried again once the database is back.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);
// node-postgres raises these without a code: the pool's connectionTimeoutMillis, a socket closed
// under a query, and a query sent on a client whose socket closed while it was checked out.
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /^Connection terminated/i,
  /^Client has encountered a connection error and is not queryable/,
];

/** The database could not be reached (as opposed to refusing what was asked): answer 503, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(current.message))) return true;
    // Node reports a refused connection to a name with several addresses as an AggregateError.
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}
