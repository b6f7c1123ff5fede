// How an overdue-review alert names its application to the officer: as the queue and the detail
// page do (the applicant's name, the kind of application, the day it was accepted), never by its
// id. Read when the alert is read, not stored in it: the notification keeps identifiers only, and
// a name corrected since is shown as it now is. Only officers read these alerts, and the queue
// already shows them the applicant's name (DESIGN §4), so nothing is shown they could not see.
import { eq, inArray } from 'drizzle-orm';
import { applications, residents } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { openName } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

export interface ApplicationName {
  applicant: string | null;
  type: string;
  acceptedOn: string;
}

export async function overdueApplicationNames(
  db: Db,
  cipher: PersonalCipher,
  ids: string[],
): Promise<Map<string, ApplicationName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: applications.id,
      type: applications.type,
      acceptedOn: applications.acceptedOn,
      applicant: residents.nameSealed,
    })
    .from(applications)
    .innerJoin(residents, eq(residents.id, applications.applicantId))
    .where(inArray(applications.id, ids));
  return new Map(
    rows.map(({ id, applicant, ...name }) => [id, { ...name, applicant: openName(cipher, applicant) }]),
  );
}
