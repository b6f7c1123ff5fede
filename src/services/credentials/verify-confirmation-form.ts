// POST /verify with a confirmation form's QR (JZF1:…): the same closed set of results as display
// codes. Authentic (signature over every printed field, checkConfirmationForm), then the permit's
// status *now* from the register: a form printed while the permit was valid says `revoked` once it
// has been revoked since. Plus when and where the form was issued. Recorded like every check, so
// it appears in the holder's access log.
import { and, eq } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { effectiveStatus } from '../../domain/cards/index.ts';
import { nodeSignatureCheck, trustedKeyOf } from '../../credentials/index.ts';
import { checkConfirmationForm, type VerificationResult } from '../../verify/index.ts';
import { cards, confirmationForms } from '../../db/schema/index.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import type { ServiceContext } from '../context.ts';
import { recordVerification, type VerifierIdentity, type VerifyResponse } from './verify-code.ts';
import { maskName } from '../../domain/identity/person-name.ts';

export async function verifyConfirmationForm(
  ctx: ServiceContext,
  code: string,
  verifier: VerifierIdentity | undefined,
): Promise<VerifyResponse> {
  const now = ctx.clock.now();
  const checkedAt = now.toISOString();
  // Every display-code key ever held, whatever its window for live codes: paper outlives rotations.
  const keys = (await ctx.keys.all())
    .filter((k) => k.purpose === 'display_code')
    .map((k) => trustedKeyOf(k.record));
  const check = await checkConfirmationForm(code, {
    keys,
    now,
    skewSeconds: ctx.credentials.skewSeconds,
    checkSignature: nodeSignatureCheck,
  });
  if (!check.ok) {
    await recordVerification(ctx, now, { codeId: null, cardId: null, result: check.result, verifier });
    return { result: check.result, checkedAt };
  }
  const { claims } = check;
  const [row] = await ctx.db
    .select({ card: cards, formId: confirmationForms.id })
    .from(cards)
    .leftJoin(
      confirmationForms,
      and(eq(confirmationForms.cardId, cards.id), eq(confirmationForms.serial, claims.serial)),
    )
    .where(and(eq(cards.number, claims.card.number), eq(cards.version, claims.card.version)));
  // Signed by us but not in the register (card or form unknown): never valid.
  const result: VerificationResult =
    !row || !row.formId ? 'revoked' : effectiveStatus(toDomainCard(row.card), beijingDate(now), ctx.policy);
  await recordVerification(ctx, now, { codeId: null, cardId: row?.card.id ?? null, result, verifier });
  return {
    result,
    kind: claims.card.kind,
    checkedAt,
    card: {
      kind: claims.card.kind,
      maskedName: maskName(claims.holder.name),
      districtCode: row?.card.districtCode ?? '',
      validUntil: claims.card.validUntil,
    },
    form: {
      serial: claims.serial,
      issuedAt: new Date(claims.issuedAt * 1000).toISOString(),
      stationId: claims.stationId,
      stationName: claims.stationName,
    },
  };
}
