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
