// The confirmation forms of the clerk's own station (DESIGN §4: forms are the clerk's): the list,
// newest first and paged by the server, or only those waiting to be printed and handed over (the
// ones issued after review); printing one again from its kept proof; recording that one was handed
// over. Each is audited: the list shows holders' names and card numbers, a reprint shows everything.
// Another station's form is NOT_FOUND, so its existence does not leak.
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { maskIdNumber } from '../../domain/identity/mask-id-number.ts';
import { maskName } from '../../domain/identity/person-name.ts';
import { nodeSignatureCheck, trustedKeyOf } from '../../credentials/index.ts';
import { checkConfirmationForm } from '../../verify/index.ts';
import { cards, confirmationForms, residents, staff } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { auditedAs, staffActor, type Actor } from '../actor.ts';
import { requireStaff } from '../staff/access.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { renderConfirmationForm } from './render-confirmation-form.ts';
import { openIdNumber, openName } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import { keptProof } from './form-proof.ts';

export interface FormListQuery {
  toPrint?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** One row of the list; its HTTP shape is FormRow in src/http/schemas/forms.ts. */
export interface StationFormRow {
  id: string;
  serial: string;
  issuedAt: string;
  origin: 'window' | 'after_review';
  evidence: 'id_card' | 'household_register' | 'origin_certificate' | 'display_code';
  holder: { name: string; idNumber: string };
  card: { number: string; kind: 'residence_permit' | 'registration_card' };
  issuedBy: string;
  printable: boolean;
  handedOverAt: string | null;
}

function clerkAtStation(principal: Principal | undefined): { actor: Actor; stationId: string } {
  const clerk = requireStaff(principal, ['clerk']);
  if (clerk.stationId === null) throw new AppError('FORBIDDEN');
  return { actor: staffActor(clerk), stationId: clerk.stationId };
}

export async function listStationForms(
  ctx: ServiceContext,
  principal: Principal | undefined,
  query: FormListQuery,
): Promise<{ items: StationFormRow[]; total: number; limit: number; offset: number }> {
  const { actor, stationId } = clerkAtStation(principal);
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const filters: SQL[] = [eq(confirmationForms.stationId, stationId)];
  if (query.toPrint) {
    filters.push(eq(confirmationForms.origin, 'after_review'), isNull(confirmationForms.handedOverAt));
  }
  const where = and(...filters);
  return ctx.db.transaction(async (tx) => {
    const [total] = await tx.select({ n: count() }).from(confirmationForms).where(where);
    const rows = await tx
      .select({
        form: confirmationForms,
        holder: { name: residents.nameSealed, idNumber: residents.idNumberSealed },
        card: cards,
        by: staff.displayName,
      })
      .from(confirmationForms)
      .innerJoin(residents, eq(residents.id, confirmationForms.holderId))
      .innerJoin(cards, eq(cards.id, confirmationForms.cardId))
      .innerJoin(staff, eq(staff.id, confirmationForms.staffId))
      .where(where)
      .orderBy(desc(confirmationForms.issuedAt), desc(confirmationForms.serial))
      .limit(limit)
      .offset(offset);
    await recordAudit(tx, {
      at: ctx.clock.now(),
      ...auditedAs(actor),
      action: 'confirmation_form.listed',
      subjectKind: 'station',
      subjectId: stationId,
      details: { toPrint: query.toPrint ?? false, offset, formIds: rows.map((r) => r.form.id) },
    });
    return {
      items: rows.map(({ form, holder, card, by }) => ({
        id: form.id,
        serial: form.serial,
        issuedAt: form.issuedAt.toISOString(),
        origin: form.origin,
        evidence: form.evidence,
        holder: maskedHolder(ctx.personal, holder),
        card: { number: card.number, kind: card.kind },
        issuedBy: by,
        printable: form.proofSealed !== null || form.plainProof !== null,
        handedOverAt: form.handedOverAt?.toISOString() ?? null,
      })),
      total: total?.n ?? 0,
      limit,
      offset,
    };
  });
}

/** The PDF again, rendered from the proof signed at issue: the same fields, the same QR. */
export async function reprintStationForm(
  ctx: ServiceContext,
  principal: Principal | undefined,
  id: string,
): Promise<{ serial: string; pdf: Buffer }> {
  const { actor, stationId } = clerkAtStation(principal);
  const now = ctx.clock.now();
  const [form] = await ctx.db
    .select()
    .from(confirmationForms)
    .where(and(eq(confirmationForms.id, id), eq(confirmationForms.stationId, stationId)));
  if (!form) throw new AppError('NOT_FOUND');
  const proof = keptProof(ctx.personal, form);
  if (proof === null) {
    // Forms printed before proofs were kept (migration 0021) cannot be drawn again exactly as
    // printed: a new one is issued instead, on the document the holder presents.
    const serial = form.serial;
    throw new AppError('FORM_NOT_REPRINTABLE', 'no proof kept', { serial }, { serial });
  }
  // Read back through the verifier's own checks: what is printed is what the proof signs.
  const keys = (await ctx.keys.all())
    .filter((k) => k.purpose === 'display_code')
    .map((k) => trustedKeyOf(k.record));
  const check = await checkConfirmationForm(proof, {
    keys,
    now,
    skewSeconds: ctx.credentials.skewSeconds,
    checkSignature: nodeSignatureCheck,
  });
  if (!check.ok) throw new AppError('INTERNAL', `kept proof does not verify: ${check.result}`);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'confirmation_form.printed',
      subjectKind: 'card',
      subjectId: form.cardId,
      details: { serial: form.serial, formId: form.id },
    }),
  );
  return { serial: form.serial, pdf: await renderConfirmationForm(check.claims, proof) };
}

/** The printed form was given to its holder: it leaves the "to print" list. Once only. */
export async function handOverForm(
  ctx: ServiceContext,
  principal: Principal | undefined,
  id: string,
): Promise<{ id: string; handedOverAt: string }> {
  const { actor, stationId } = clerkAtStation(principal);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [form] = await tx
      .select()
      .from(confirmationForms)
      .where(and(eq(confirmationForms.id, id), eq(confirmationForms.stationId, stationId)))
      .for('update');
    if (!form) throw new AppError('NOT_FOUND');
    if (form.origin !== 'after_review' || form.handedOverAt !== null) {
      const state = form.handedOverAt ? 'handed_over' : 'printed';
      throw new AppError('INVALID_TRANSITION', state, { state }, { state });
    }
    await tx
      .update(confirmationForms)
      .set({ handedOverAt: now, handedOverBy: actor.id })
      .where(eq(confirmationForms.id, id));
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'confirmation_form.handed_over',
      subjectKind: 'card',
      subjectId: form.cardId,
      details: { serial: form.serial, formId: form.id },
    });
    return { id, handedOverAt: now.toISOString() };
  });
}

/** The holder as the list shows them: masked, opened only to be masked. */
function maskedHolder(
  cipher: PersonalCipher,
  sealed: { name: Uint8Array | null; idNumber: Uint8Array | null },
): { name: string; idNumber: string } {
  const idNumber = openIdNumber(cipher, sealed.idNumber);
  return {
    name: maskName(openName(cipher, sealed.name) ?? ''),
    idNumber: idNumber ? maskIdNumber(idNumber) : '',
  };
}
