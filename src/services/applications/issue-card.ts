// Approval issues the card in the same transaction (R2, R4): a new card, a new version of an
// existing one (change, replacement: the old version is superseded), or an endorsement. A new card
// and a new address also create the verification visit (R14) in that transaction.
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { beijingDate, type IsoDate } from '../../domain/beijing-date.ts';
import {
  endorseCard,
  formatCardNumber,
  issueCard,
  nextVersion,
  supersedeCard,
} from '../../domain/cards/index.ts';
import type { Db } from '../../db/client.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { cards, type applications } from '../../db/schema/index.ts';
import { findCard, nextSerial, toDomainCard } from '../../db/repositories/cards.ts';
import { insertCardWithStatusEntry } from '../credentials/status-entries.ts';
import { openAddress, sealAddress } from '../../db/repositories/addresses.ts';
import type { ServiceContext } from '../context.ts';
import { addressChanged, createVisitFor } from '../visits/create-visit.ts';

type ApplicationRow = typeof applications.$inferSelect;

export async function issueCardFor(
  ctx: ServiceContext,
  tx: Db,
  app: ApplicationRow,
  today: IsoDate,
  /** For the visit's due date; read before the transaction (see createVisitFor). */
  calendar: WorkingDayCalendar,
): Promise<string> {
  const address = {
    districtCode: app.districtCode,
    streetCode: app.streetCode,
    // Opened from the application's column and sealed for the card's (each is bound to its own).
    ...sealAddress(ctx.personal, 'cards', openAddress(ctx.personal, 'applications', app)),
  };
  if (app.type === 'registration_card' || app.type === 'residence_permit') {
    const card = issueCard(app.type, today, ctx.policy);
    const serial = await nextSerial(tx, `card:${app.type}:${app.districtCode}`);
    const row = await insertCardWithStatusEntry(tx, {
      ...card,
      ...address,
      holderId: app.applicantId,
      number: formatCardNumber(app.type, app.districtCode, serial),
      stationId: app.stationId,
      applicationId: app.id,
    });
    await createVisitFor(ctx, tx, row, 'new_card', today, calendar);
    return row.id;
  }
  if (!app.cardId) throw new Error(`${app.type} application without a card`);
  const current = await findCard(tx, app.cardId, { forUpdate: true });
  if (!current) throw new AppError('NOT_FOUND');
  if (app.type === 'endorsement') {
    // The endorsement counts from the day it was first applied for: not the day the officer got to
    // it, nor the day missing materials came in (a request for materials must not make it late).
    const endorsed = endorseCard(toDomainCard(current), beijingDate(app.createdAt), ctx.policy);
    await tx
      .update(cards)
      .set({ endorsementDueOn: endorsed.endorsementDueOn, residenceCountFrom: endorsed.residenceCountFrom })
      .where(eq(cards.id, current.id));
    return current.id;
  }
  // change or replacement: a new version; whatever was shown for the old one stops verifying as current
  const successor = nextVersion(toDomainCard(current), today, ctx.policy);
  const old = supersedeCard(toDomainCard(current));
  const row = await insertCardWithStatusEntry(tx, {
    ...successor,
    ...(app.type === 'change'
      ? address
      : {
          districtCode: current.districtCode,
          streetCode: current.streetCode,
          ...sealAddress(ctx.personal, 'cards', openAddress(ctx.personal, 'cards', current)),
        }),
    holderId: current.holderId,
    number: current.number,
    stationId: app.stationId,
    applicationId: app.id,
  });
  await tx
    .update(cards)
    .set({ storedStatus: old.storedStatus, supersededBy: row.id })
    .where(eq(cards.id, current.id));
  if (addressChanged(ctx.personal, current, row))
    await createVisitFor(ctx, tx, row, 'address_change', today, calendar);
  return row.id;
}
