// The rows of a raw SQL query. Both drivers answer `{ rows }` (PGlite's Results, node-postgres's
// QueryResult), but drizzle types the generic database's execute() as unknown.
import type { SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
