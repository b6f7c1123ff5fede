// The core of a confirmation form (R9, R16), whoever asks for it: a clerk at the window, or the
// approval of a window application for an applicant without a phone. In the caller's transaction:
// the serial from the database sequence, the form row with its signed proof, and its audit row.
// Authorisation is the caller's (see ../actor.ts); this only records what the actor did.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { findDistrict, listStreets } from '../../domain/address/beijing-divisions.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { validityDate, type CardStatus } from '../../domain/cards/index.ts';
import { signConfirmationForm, type Signer } from '../../credentials/index.ts';
import type { FormClaims, FormEvidence } from '../../verify/index.ts';
import type { Db } from '../../db/client.ts';
import { confirmationForms, stations } from '../../db/schema/index.ts';
import { toDomainCard, type CardRow } from '../../db/repositories/cards.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { auditedAs, type Actor } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import type { HolderRow } from './resolve-form-card.ts';
import { openAddress } from '../../db/repositories/addresses.ts';
import { formProofColumn } from './form-proof.ts';

export interface FormToRecord {
  holder: HolderRow;
  card: CardRow;
  /** The card's status on the day, as printed. */
  status: CardStatus;
  /** The station whose form it is: where it is printed and listed. */
  stationId: string;
  evidence: FormEvidence;
  origin: 'window' | 'after_review';
  applicationId?: string | undefined;
}

export interface RecordedForm {
  id: string;
  claims: FormClaims;
  /** The signed proof (JZF1:…) the QR carries. */
  code: string;
}

export async function recordConfirmationForm(
  ctx: ServiceContext,
  tx: Db,
  actor: Actor,
  form: FormToRecord,
  signer: Signer,
  now: Date,
): Promise<RecordedForm> {
  // A form names the staff member answerable for it (confirmation_forms.staff_id).
  if (actor.id === null) throw new AppError('INTERNAL', 'a confirmation form needs a staff actor');
  const { holder, card } = form;
  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const [here] = await tx.select().from(stations).where(eq(stations.id, form.stationId));
  const [issuer] = await tx.select().from(stations).where(eq(stations.id, card.stationId));
  if (!here || !issuer) throw new AppError('INTERNAL', 'station missing');
  const seq = await tx.execute<{ n: string }>(sql`select nextval('confirmation_form_serial')::text as n`);
  const n = (seq as { rows: { n: string }[] }).rows[0]?.n;
  if (!n) throw new AppError('INTERNAL', 'no serial');
  const serial = `${beijingDate(now).slice(0, 4)}-${n.padStart(8, '0')}`;
  const claims: FormClaims = {
    issuedAt: issuedAt.getTime() / 1000,
    serial,
    stationId: here.id,
    stationName: here.name,
    evidence: form.evidence,
    holder: {
      name: holder.name ?? '',
      sex: holder.sex ?? 'male',
      birthDate: holder.birthDate ?? '',
      idNumber: holder.idNumber ?? '',
      ethnicity: null,
      hukouAddress: null,
      residenceAddress: residenceAddress(
        card.districtCode,
        card.streetCode,
        openAddress(ctx.personal, 'cards', card),
      ),
    },
    card: {
      kind: card.kind,
      number: card.number,
      version: card.version,
      status: form.status,
      issuedOn: card.issuedOn,
      validUntil: validityDate(toDomainCard(card), ctx.policy),
      issuingAuthority: issuer.name,
    },
  };
  const code = signConfirmationForm(claims, signer);
  const id = randomUUID();
  const [row] = await tx
    .insert(confirmationForms)
    .values({
      id,
      serial,
      cardId: card.id,
      holderId: holder.id,
      stationId: here.id,
      staffId: actor.id,
      evidence: form.evidence,
      issuedAt,
      origin: form.origin,
      applicationId: form.applicationId ?? null,
      proofSealed: ctx.personal.seal(formProofColumn(id), code),
    })
    .returning({ id: confirmationForms.id });
  if (!row) throw new AppError('INTERNAL', 'form insert returned no row');
  await recordAudit(tx, {
    at: now,
    ...auditedAs(actor),
    action: 'confirmation_form.issued',
    subjectKind: 'card',
    subjectId: card.id,
    details: {
      serial,
      evidence: form.evidence,
      origin: form.origin,
      formStationId: here.id,
      ...(form.applicationId ? { applicationId: form.applicationId } : {}),
    },
  });
  return { id: row.id, claims, code };
}

function residenceAddress(districtCode: string, streetCode: string, detail: string): string {
  const district = findDistrict(districtCode)?.name ?? districtCode;
  const street = listStreets(districtCode).find((s) => s.code === streetCode)?.name ?? '';
  return `北京市${district}${street}${detail}`;
}
