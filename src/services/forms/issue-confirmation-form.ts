// POST /staff/confirmation-forms (R9, R16): a clerk at any station prints, for any holder, the
// sealed confirmation form. The form row and its audit row are written in one transaction; the
// serial comes from a database sequence, so it is unique across processes and never handed out
// twice. Only then is the proof signed and the page rendered.
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { findDistrict, listStreets } from '../../domain/address/beijing-divisions.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { validityDate } from '../../domain/cards/index.ts';
import { signConfirmationForm } from '../../credentials/index.ts';
import type { FormClaims, FormEvidence } from '../../verify/index.ts';
import { confirmationForms, stations } from '../../db/schema/index.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { requireStaff } from '../staff/access.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { renderConfirmationForm } from './render-confirmation-form.ts';
import { resolveFormCard, type FormEvidenceInput } from './resolve-form-card.ts';

export interface IssuedForm {
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
  if (clerk.stationId === null) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  const { holder, card, status } = await resolveFormCard(ctx, input.idNumber, input.evidence, now);
  const evidence: FormEvidence = typeof input.evidence === 'object' ? 'display_code' : input.evidence;
  const signer = await ctx.keys.signer('display_code', now);
  if (!signer) throw new AppError('INTERNAL', 'no display-code signing key');

  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const claims = await ctx.db.transaction(async (tx) => {
    const [here] = await tx
      .select()
      .from(stations)
      .where(eq(stations.id, clerk.stationId ?? ''));
    const [issuer] = await tx.select().from(stations).where(eq(stations.id, card.stationId));
    if (!here || !issuer) throw new AppError('INTERNAL', 'station missing');
    const seq = await tx.execute<{ n: string }>(sql`select nextval('confirmation_form_serial')::text as n`);
    const n = (seq as { rows: { n: string }[] }).rows[0]?.n;
    if (!n) throw new AppError('INTERNAL', 'no serial');
    const serial = `${beijingDate(now).slice(0, 4)}-${n.padStart(8, '0')}`;
    await tx.insert(confirmationForms).values({
      serial,
      cardId: card.id,
      holderId: holder.id,
      stationId: here.id,
      staffId: clerk.staffId,
      evidence,
      issuedAt,
    });
    await recordAudit(tx, {
      at: now,
      actorKind: 'staff',
      actorId: clerk.staffId,
      channel: 'window',
      action: 'confirmation_form.issued',
      subjectKind: 'card',
      subjectId: card.id,
      stationId: here.id,
      details: { serial, evidence },
    });
    const c: FormClaims = {
      issuedAt: issuedAt.getTime() / 1000,
      serial,
      stationId: here.id,
      stationName: here.name,
      evidence,
      holder: {
        name: holder.name ?? '',
        sex: holder.sex ?? 'male',
        birthDate: holder.birthDate ?? '',
        idNumber: holder.idNumber ?? '',
        ethnicity: null,
        hukouAddress: null,
        residenceAddress: residenceAddress(card.districtCode, card.streetCode, card.addressDetail),
      },
      card: {
        kind: card.kind,
        number: card.number,
        version: card.version,
        status,
        issuedOn: card.issuedOn,
        validUntil: validityDate(toDomainCard(card), ctx.policy),
        issuingAuthority: issuer.name,
      },
    };
    return c;
  });
  const code = signConfirmationForm(claims, signer);
  return { serial: claims.serial, code, pdf: await renderConfirmationForm(claims, code) };
}

function residenceAddress(districtCode: string, streetCode: string, detail: string): string {
  const district = findDistrict(districtCode)?.name ?? districtCode;
  const street = listStreets(districtCode).find((s) => s.code === streetCode)?.name ?? '';
  return `北京市${district}${street}${detail}`;
}
