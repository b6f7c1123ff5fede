import type { Db } from '../client.ts';
import { auditLog } from '../schema/index.ts';

export interface AuditEntry {
  at: Date;
  actorKind: 'resident' | 'staff' | 'verifier' | 'system';
  actorId: string | null;
  channel: 'online' | 'window' | 'api' | 'cli' | 'system';
  action: string;
  subjectKind: string;
  subjectId: string;
  stationId?: string | null;
  /** Identifiers and codes only: never names, ID numbers, phones or addresses. */
  details?: Record<string, unknown>;
}

/** Call inside the transaction of the change it records. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx
    .insert(auditLog)
    .values({ ...entry, stationId: entry.stationId ?? null, details: entry.details ?? {} });
}
