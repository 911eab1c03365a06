import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from './db';

/**
 * Runs several data-changing statements as one (each a WITH query of the statement), in one round
 * trip: they see the same snapshot and not each other's rows, and all apply or none. Foreign keys
 * between them hold, being checked at the end of the statement.
 */
export async function executeAsOneStatement(db: Db, statements: readonly SQLWrapper[]): Promise<void> {
  const parts = statements.map((statement, i) => sql`${sql.raw(`s${i}`)} AS (${statement.getSQL()})`);
  await db.execute(sql`WITH ${sql.join(parts, sql`, `)} SELECT 1`);
}
