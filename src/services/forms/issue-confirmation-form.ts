// POST /staff/confirmation-forms (R9, R16): a clerk at any station prints, for any holder, the
// sealed confirmation form. The form row, its proof and its audit row are written in one
// transaction (record-confirmation-form.ts); then the page is rendered.
import { AppError } from '../../domain/errors.ts';
import type { FormEvidence } from '../../verify/index.ts';
import { requireStaff } from '../staff/access.ts';
import { staffActor } from '../actor.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { recordConfirmationForm } from './record-confirmation-form.ts';
import { renderConfirmationForm } from './render-confirmation-form.ts';
import { resolveFormCard, type FormEvidenceInput } from './resolve-form-card.ts';

export interface IssuedForm {
  id: string;
  serial: string;
  pdf: Buffer;
  code: string;
}

export async function issueConfirmationForm(
  ctx: ServiceContext,
  principal: Principal | undefined,
  input: { idNumber: string; evidence: FormEvidenceInput },
): Promise<IssuedForm> {
  // DESIGN §4: confirmation forms are the window clerk's; any station, any holder.
  const clerk = requireStaff(principal, ['clerk']);
  const stationId = clerk.stationId;
  if (stationId === null) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  const { holder, card, status } = await resolveFormCard(ctx, input.idNumber, input.evidence, now);
  const evidence: FormEvidence = typeof input.evidence === 'object' ? 'display_code' : input.evidence;
  const signer = await ctx.keys.signer('display_code', now);
  if (!signer) throw new AppError('INTERNAL', 'no display-code signing key');
  const form = await ctx.db.transaction((tx) =>
    recordConfirmationForm(
      ctx,
      tx,
      staffActor(clerk),
      { holder, card, status, stationId, evidence, origin: 'window' },
      signer,
      now,
    ),
  );
  return {
    id: form.id,
    serial: form.claims.serial,
    code: form.code,
    pdf: await renderConfirmationForm(form.claims, form.code),
  };
}
