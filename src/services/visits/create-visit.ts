// A verification visit task (R14), created in the transaction that issues the card: for every new
// permit or registration card, and for every new version whose address differs from the last one.
// It goes to the station whose community police serve the street, due a policy number of working
// days after issue (policy.visitWorkingDays, 5 by default: see src/domain/policy.ts), marked
// provisional when counted on an unpublished year.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { IsoDate } from '../../domain/beijing-date.ts';
import { dueDate } from '../../domain/calendar/due-date.ts';
import type { VisitReason } from '../../domain/visits/visit.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import type { Db } from '../../db/client.ts';
import { cards, stations, visits } from '../../db/schema/index.ts';
import type { CardRow } from '../../db/repositories/cards.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';
import { openAddress, sealAddress } from '../../db/repositories/addresses.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

/** The station whose community police serve the street: its police station first. */
async function stationForStreet(tx: Db, card: CardRow): Promise<string> {
  const [row] = await tx
    .select({ id: stations.id })
    .from(stations)
    .where(sql`${card.streetCode} = any(${stations.streetCodes})`)
    .orderBy(sql`${stations.kind} = 'police_station' desc`, stations.id)
    .limit(1);
  // A street no station lists yet: the issuing station's officers see it in their district.
  return row?.id ?? card.stationId;
}

/**
 * n working days after the day of issue. In a year whose calendar is not published yet, the
 * provisional one (weekends and the fixed statutory days) stands in, marked so, and the date is
 * recounted when the year is loaded (services/calendar/recompute-provisional.ts): the task must be
 * created whatever the calendar says.
 */
export function visitDueOn(
  calendar: WorkingDayCalendar,
  issuedOn: IsoDate,
  n: number,
): { dueOn: IsoDate; dueOnProvisional: boolean } {
  const due = dueDate(calendar, issuedOn, n);
  return { dueOn: due.dueBy, dueOnProvisional: due.dueByProvisional };
}

/**
 * `calendar` is read by the caller before its transaction opens (ctx.calendar() may read the
 * database, and PGlite's one connection is the transaction's).
 */
export async function createVisitFor(
  ctx: ServiceContext,
  tx: Db,
  card: CardRow,
  reason: VisitReason,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): Promise<string> {
  const now = ctx.clock.now();
  // A newer address makes the visits of the card's older versions that nobody has made moot.
  if (reason === 'address_change') {
    await tx
      .update(visits)
      .set({ status: 'superseded' })
      .where(
        and(
          eq(visits.status, 'open'),
          inArray(
            visits.cardId,
            sql`(select ${cards.id} from ${cards} where ${cards.number} = ${card.number} and ${cards.id} <> ${card.id})`,
          ),
        ),
      );
  }
  const [row] = await tx
    .insert(visits)
    .values({
      cardId: card.id,
      holderId: card.holderId,
      applicationId: card.applicationId,
      reason,
      status: 'open',
      stationId: await stationForStreet(tx, card),
      districtCode: card.districtCode,
      streetCode: card.streetCode,
      ...sealAddress(ctx.personal, 'visits', openAddress(ctx.personal, 'cards', card)),
      ...visitDueOn(calendar, today, ctx.policy.visitWorkingDays),
      createdAt: now,
    })
    .returning({ id: visits.id, stationId: visits.stationId, dueOn: visits.dueOn });
  if (!row) throw new Error('visit insert returned no row');
  await recordAudit(tx, {
    at: now,
    actorKind: 'system',
    actorId: null,
    channel: 'system',
    action: 'visit.created',
    subjectKind: 'visit',
    subjectId: row.id,
    stationId: row.stationId,
    details: { cardId: card.id, reason, dueOn: row.dueOn },
  });
  return row.id;
}

/** Whether a new version's address differs from the version it replaces. */
export const addressChanged = (
  cipher: PersonalCipher,
  from: Pick<CardRow, 'districtCode' | 'streetCode' | 'addressDetailSealed'>,
  to: Pick<CardRow, 'districtCode' | 'streetCode' | 'addressDetailSealed'>,
): boolean =>
  from.districtCode !== to.districtCode ||
  from.streetCode !== to.streetCode ||
  openAddress(cipher, 'cards', from).trim() !== openAddress(cipher, 'cards', to).trim();
