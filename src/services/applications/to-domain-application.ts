import type { Application, MaterialKind } from '../../domain/applications/application.ts';
import type { applications } from '../../db/schema/index.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import { openNote } from '../../db/repositories/staff-notes.ts';

export function toDomainApplication(
  cipher: PersonalCipher,
  row: typeof applications.$inferSelect,
): Application {
  return {
    type: row.type,
    status: row.status,
    acceptedOn: row.acceptedOn,
    dueBy: row.dueBy,
    missing: row.missing as MaterialKind[],
    reason: openNote(cipher, 'applications.reason', row.reasonSealed),
  };
}
