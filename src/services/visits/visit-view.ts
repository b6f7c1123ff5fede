// A visit as the console shows it: the address to go to, whom to ask for, the card, who is on it,
// what was found and what the officer decided; with the working days left to the due date.
import { eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { findDistrict, findStreet } from '../../domain/address/beijing-divisions.ts';
import type { IsoDate } from '../../domain/beijing-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { isAppError } from '../../domain/errors.ts';
import { effectiveStatus } from '../../domain/cards/effective-status.ts';
import { maskIdNumber } from '../../domain/identity/mask-id-number.ts';
import type { Policy } from '../../domain/policy.ts';
import type { Db } from '../../db/client.ts';
import { cards, residents, staff, visits } from '../../db/schema/index.ts';
import { openIdNumber, openName } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import { openAddress } from '../../db/repositories/addresses.ts';
import { openNote } from '../../db/repositories/staff-notes.ts';

const assignee = alias(staff, 'assignee');
const recorder = alias(staff, 'recorder');
const reviewer = alias(staff, 'reviewer');

/** The select every visit read shares: one row per visit with the names it shows. */
export function selectVisits(db: Db, where: SQL | undefined) {
  return db
    .select({
      visit: visits,
      card: cards,
      holderName: residents.nameSealed,
      holderIdNumber: residents.idNumberSealed,
      assigneeName: assignee.displayName,
      recorderName: recorder.displayName,
      reviewerName: reviewer.displayName,
    })
    .from(visits)
    .innerJoin(cards, eq(cards.id, visits.cardId))
    .innerJoin(residents, eq(residents.id, visits.holderId))
    .leftJoin(assignee, eq(assignee.id, visits.assignedTo))
    .leftJoin(recorder, eq(recorder.id, visits.recordedBy))
    .leftJoin(reviewer, eq(reviewer.id, visits.reviewedBy))
    .where(where);
}

type VisitRead = Awaited<ReturnType<typeof selectVisits>>[number];

function daysLeft(calendar: WorkingDayCalendar, dueOn: IsoDate, today: IsoDate): number | null {
  try {
    return dueOn >= today
      ? calendar.workingDaysBetween(today, dueOn)
      : -calendar.workingDaysBetween(dueOn, today);
  } catch (e) {
    // A due date in a year whose calendar is not loaded: the count is unknown, not guessed.
    if (!isAppError(e) || e.code !== 'CALENDAR_DATA_MISSING') throw e;
    return null;
  }
}

const person = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function toVisitView(
  r: VisitRead,
  cipher: PersonalCipher,
  calendar: WorkingDayCalendar,
  today: IsoDate,
  policy: Policy,
) {
  const v = r.visit;
  const holderIdNumber = openIdNumber(cipher, r.holderIdNumber);
  const open = v.status === 'open';
  return {
    id: v.id,
    status: v.status,
    reason: v.reason,
    stationId: v.stationId,
    address: {
      districtCode: v.districtCode,
      districtName: findDistrict(v.districtCode)?.name ?? null,
      streetCode: v.streetCode,
      streetName: findStreet(v.districtCode, v.streetCode)?.name ?? null,
      detail: openAddress(cipher, 'visits', v),
    },
    holder: {
      id: v.holderId,
      name: openName(cipher, r.holderName),
      idNumber: holderIdNumber === null ? null : maskIdNumber(holderIdNumber),
    },
    card: {
      id: r.card.id,
      number: r.card.number,
      kind: r.card.kind,
      version: r.card.version,
      status: effectiveStatus(toDomainCard(r.card), today, policy),
    },
    dueOn: v.dueOn,
    dueOnProvisional: v.dueOnProvisional,
    // A provisional due date is counted down on the same provisional calendar it was set on.
    workingDaysLeft: open
      ? daysLeft(v.dueOnProvisional ? calendar.provisional : calendar, v.dueOn, today)
      : null,
    overdue: open && today > v.dueOn,
    assignedTo: person(v.assignedTo, r.assigneeName),
    assignedAt: iso(v.assignedAt),
    outcome: v.outcome,
    note: openNote(cipher, 'visits.note', v.noteSealed),
    recordedBy: person(v.recordedBy, r.recorderName),
    recordedAt: iso(v.recordedAt),
    reviewNote: openNote(cipher, 'visits.review_note', v.reviewNoteSealed),
    reviewedBy: person(v.reviewedBy, r.reviewerName),
    reviewedAt: iso(v.reviewedAt),
    createdAt: v.createdAt.toISOString(),
  };
}

export type VisitView = ReturnType<typeof toVisitView>;
