import type { applications } from '../../db/schema/index.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import { openNote } from '../../db/repositories/staff-notes.ts';

type Row = typeof applications.$inferSelect;

/** What the applicant (and the staff queue) sees of an application. */
export interface ApplicationView {
  id: string;
  type: Row['type'];
  status: Row['status'];
  channel: Row['channel'];
  stationId: string;
  districtCode: string;
  streetCode: string;
  acceptedOn: string;
  dueBy: string;
  /** The due date was counted on the provisional calendar of an unpublished year (docs/calendar.md). */
  dueByProvisional: boolean;
  missing: string[];
  reason: string | null;
  cardId: string | null;
  issuedCardId: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toApplicationView(cipher: PersonalCipher, row: Row): ApplicationView {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    channel: row.channel,
    stationId: row.stationId,
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    acceptedOn: row.acceptedOn,
    dueBy: row.dueBy,
    dueByProvisional: row.dueByProvisional,
    missing: row.missing,
    reason: openNote(cipher, 'applications.reason', row.reasonSealed),
    cardId: row.cardId,
    issuedCardId: row.issuedCardId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
