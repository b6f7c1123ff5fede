import type { Application, MaterialKind } from '../../domain/applications/application.ts';
import type { applications } from '../../db/schema/index.ts';

export function toDomainApplication(row: typeof applications.$inferSelect): Application {
  return {
    type: row.type,
    status: row.status,
    acceptedOn: row.acceptedOn,
    dueBy: row.dueBy,
    missing: row.missing as MaterialKind[],
    reason: row.reason,
  };
}
