// The least privilege the running platform needs on PostgreSQL (docs/security.md). Migrations run
// as the owner (`juzhu migrate` with the owner's DATABASE_URL); the servers connect as this role,
// which reads and writes the data but owns nothing, so it cannot drop the audit log's triggers,
// and on the audit log it may only add rows and let their commit seal them.
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Grants `role` (which must exist) what the platform needs and no more. Idempotent. */
export async function grantAppRole(db: Db, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new TypeError(`not a plain role name: ${role}`);
  const r = sql.identifier(role);
  await db.transaction(async (tx) => {
    await tx.execute(sql`GRANT USAGE ON SCHEMA public, drizzle TO ${r}`);
    await tx.execute(sql`GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${r}`);
    await tx.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await tx.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    // Tables and sequences the owner's later migrations create: granted the same way.
    await tx.execute(
      sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    );
    await tx.execute(sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
    // The audit log: read, append, and the seal's one write of the chain columns (its trigger refuses
    // any other change, even to the owner, but the owner could drop the trigger; this role cannot).
    await tx.execute(sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain_head FROM ${r}`);
    await tx.execute(sql`GRANT UPDATE (seq, prev_hash, hash) ON audit_log TO ${r}`);
    await tx.execute(sql`GRANT UPDATE (seq, hash) ON audit_chain_head TO ${r}`);
  });
}
