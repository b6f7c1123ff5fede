// POST /staff/applications/{id}/decision: the reviewing officer of the application's district
// approves (the card is issued in the same transaction), rejects with a reason the applicant
// sees (R5), or returns it listing every missing item at once (Art. 9). The row lock makes a
// second approval a CONFLICT, never a second card.
import { eq } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import type { MaterialKind } from '../../domain/applications/application.ts';
import { applyEvent } from '../../domain/applications/apply-event.ts';
import { requiredMaterials } from '../../domain/applications/required-materials.ts';
import { AppError } from '../../domain/errors.ts';
import { applications } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { sealNote } from '../../db/repositories/staff-notes.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { applicationInJurisdiction, requireStaff } from '../staff/access.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';
import { issueCardFor } from './issue-card.ts';
import { toApplicationView, type ApplicationView } from './application-view.ts';
import { toDomainApplication } from './to-domain-application.ts';
import { notify, sendRightAway } from '../notifications/outbox.ts';
import { FieldError } from '../../domain/validation-problem.ts';
import { staffActor } from '../actor.ts';
import { issueFormAfterReview, needsFormAfterReview } from '../forms/issue-form-after-review.ts';

export type Decision =
  | { decision: 'approve' }
  | { decision: 'reject'; reason: string }
  | { decision: 'request_materials'; missing: MaterialKind[]; reason?: string | undefined };

export async function decideApplication(
  ctx: ServiceContext,
  principal: Principal | undefined,
  id: string,
  decision: Decision,
): Promise<ApplicationView> {
  const officer = requireStaff(principal, ['officer']);
  const now = ctx.clock.now();
  const today = beijingDate(now);
  let notificationId: string | undefined;
  const calendar = await ctx.calendar(); // before the transaction: it may read the database
  // Likewise the key a confirmation form for an applicant without a phone is signed with.
  const signer = decision.decision === 'approve' ? await ctx.keys.signer('display_code', now) : undefined;
  const view = await writeAndAnnounce(ctx, async (tx, announce) => {
    const row = await applicationInJurisdiction(tx, officer, id, { forUpdate: true });
    let app = toDomainApplication(ctx.personal, row);
    let issuedCardId: string | null = row.issuedCardId;
    if (decision.decision === 'approve') {
      app = applyEvent(app, { kind: 'approve' });
      issuedCardId = await issueCardFor(ctx, tx, row, today, calendar);
      app = applyEvent(app, { kind: 'issue' });
    } else if (decision.decision === 'reject') {
      app = applyEvent(app, { kind: 'reject', reason: decision.reason });
    } else {
      // Only what this kind of application needs can be missing (no proof of basis for a
      // registration card, nothing for an endorsement).
      const needed = requiredMaterials(row.type, { basis: row.basis ?? undefined, addressChanged: true });
      const foreign = decision.missing.filter((m) => !needed.includes(m));
      if (foreign.length > 0) {
        throw new FieldError({
          field: 'missing',
          keyword: 'rule',
          rule: 'material_not_needed',
          values: { materials: foreign.join(', ') },
        });
      }
      app = applyEvent(app, { kind: 'request_materials', missing: decision.missing, note: decision.reason });
    }
    const [updated] = await tx
      .update(applications)
      .set({
        status: app.status,
        missing: app.missing,
        reasonSealed: sealNote(ctx.personal, 'applications.reason', app.reason),
        decidedBy: officer.staffId,
        decidedAt: now,
        issuedCardId,
        updatedAt: now,
      })
      .where(eq(applications.id, row.id))
      .returning();
    if (!updated) throw new Error('application update returned no row');
    await recordAudit(tx, {
      at: now,
      actorKind: 'staff',
      actorId: officer.staffId,
      channel: 'window',
      action: `application.${decision.decision}`,
      subjectKind: 'application',
      subjectId: row.id,
      stationId: officer.stationId,
      details: { status: app.status, missing: app.missing, issuedCardId },
    });
    if (issuedCardId && decision.decision === 'approve') {
      await recordAudit(tx, {
        at: now,
        actorKind: 'staff',
        actorId: officer.staffId,
        channel: 'window',
        action: row.type === 'endorsement' ? 'card.endorsed' : 'card.issued',
        subjectKind: 'card',
        subjectId: issuedCardId,
        stationId: officer.stationId,
        details: { applicationId: row.id, type: row.type },
      });
    }
    // A window applicant without a phone gets the permit on paper too, printed at that window.
    if (issuedCardId && decision.decision === 'approve' && (await needsFormAfterReview(tx, row))) {
      if (!signer) throw new AppError('INTERNAL', 'no display-code signing key');
      await issueFormAfterReview(ctx, tx, staffActor(officer), row, issuedCardId, signer, now);
    }
    // A new version supersedes the old, an endorsement restores a suspension: lists change.
    if (issuedCardId && decision.decision === 'approve' && row.cardId)
      announce({ kind: 'card', id: row.cardId, statusList: null });
    // The applicant hears of it (docs/notifications.md); a request for materials can come again
    // after a resubmission, hence the round in its key.
    const kind =
      decision.decision === 'approve'
        ? 'application_approved'
        : decision.decision === 'reject'
          ? 'application_rejected'
          : 'materials_requested';
    notificationId = await notify(
      tx,
      ctx.personal,
      {
        key: `${kind}:${row.id}:${now.toISOString()}`,
        kind,
        residentId: row.applicantId,
        params: {
          applicationId: row.id,
          type: row.type,
          ...(app.reason ? { reason: app.reason } : {}),
          ...(kind === 'materials_requested' ? { missing: app.missing.join(', ') } : {}),
        },
      },
      now,
    );
    return toApplicationView(ctx.personal, updated);
  });
  await sendRightAway(ctx, [notificationId]);
  return view;
}
