// "Also issued after review to window applicants who do not use a smartphone" (issue 8; R9, R16):
// the approval of a window application whose applicant has no phone login, and no agent whose
// wallet shows the card for them, issues a confirmation form in the approval's transaction. It is
// the station's to print (the window that took the application) and to hand over: it waits in that
// station's "to print" list. The actor is the approving officer, so the audit names who decided.
import { and, eq, isNotNull } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { effectiveStatus } from '../../domain/cards/index.ts';
import type { Signer } from '../../credentials/index.ts';
import type { Db } from '../../db/client.ts';
import { cards, guardianships, residents, type applications } from '../../db/schema/index.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import { findResident } from '../../db/repositories/residents.ts';
import type { Actor } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { recordConfirmationForm } from './record-confirmation-form.ts';

type ApplicationRow = typeof applications.$inferSelect;

/** Whether the approval of this application is to issue a form; read inside the transaction. */
export async function needsFormAfterReview(tx: Db, app: ApplicationRow): Promise<boolean> {
  if (app.channel !== 'window') return false;
  const [applicant] = await tx
    .select({ phone: residents.phoneIndex })
    .from(residents)
    .where(eq(residents.id, app.applicantId));
  if (!applicant || applicant.phone !== null) return false;
  // A guardian or agent who signs in to the wallet sees the ward's card there (R13).
  const [agentWithPhone] = await tx
    .select({ id: residents.id })
    .from(guardianships)
    .innerJoin(residents, eq(residents.id, guardianships.agentId))
    .where(and(eq(guardianships.wardId, app.applicantId), isNotNull(residents.phoneIndex)))
    .limit(1);
  return !agentWithPhone;
}

/** Issues the form for the card the approval issued; returns its id. */
export async function issueFormAfterReview(
  ctx: ServiceContext,
  tx: Db,
  actor: Actor,
  app: ApplicationRow,
  cardId: string,
  signer: Signer,
  now: Date,
): Promise<string> {
  const [card] = await tx.select().from(cards).where(eq(cards.id, cardId));
  const holder = await findResident(tx, ctx.personal, app.applicantId);
  if (!card || !holder) throw new Error('approved card or applicant missing');
  const form = await recordConfirmationForm(
    ctx,
    tx,
    actor,
    {
      holder,
      card,
      status: effectiveStatus(toDomainCard(card), beijingDate(now), ctx.policy),
      stationId: app.intakeStationId ?? app.stationId,
      // The window that took the application saw the applicant's ID card (intake checks identity).
      evidence: 'id_card',
      origin: 'after_review',
      applicationId: app.id,
    },
    signer,
    now,
  );
  return form.id;
}
