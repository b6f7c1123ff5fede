// Which card a confirmation form certifies, and for whom (R9, DESIGN §2). The holder is found by
// ID number; on a live display code the server verifies the code first (the same checks as
// POST /verify) and certifies the card it shows, which must be that holder's: a code of someone
// else's card proves nothing about this person.
import { and, desc, eq } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { effectiveStatus, type CardStatus } from '../../domain/cards/index.ts';
import { AppError } from '../../domain/errors.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { nodeSignatureCheck } from '../../credentials/index.ts';
import { applyCardStatus, checkSignedCode } from '../../verify/index.ts';
import { cards } from '../../db/schema/index.ts';
import { findResidentByIdNumber, type Resident } from '../../db/repositories/residents.ts';
import { toDomainCard, type CardRow } from '../../db/repositories/cards.ts';
import type { ServiceContext } from '../context.ts';
import { materialisePendingLegacyCards } from '../legacy/materialise-legacy-card.ts';

export type FormEvidenceInput = 'id_card' | 'household_register' | 'origin_certificate' | { code: string };
export type HolderRow = Resident;

export interface FormSubject {
  holder: HolderRow;
  card: CardRow;
  status: CardStatus;
}

const statusRank: Record<CardStatus, number> = {
  valid: 0,
  suspended: 1,
  expired: 2,
  revoked: 3,
  superseded: 4,
};

export async function resolveFormCard(
  ctx: ServiceContext,
  idNumberInput: string,
  evidence: FormEvidenceInput,
  now: Date,
): Promise<FormSubject> {
  const today = beijingDate(now);
  const { idNumber } = parseIdNumber(idNumberInput, today);
  // A holder known only from the legacy import: their cards are made now, then certified alike.
  await materialisePendingLegacyCards(ctx, { idNumbers: [idNumber] });
  const holder = await findResidentByIdNumber(ctx.db, ctx.personal, idNumber);
  if (!holder) throw new AppError('HOLDER_NOT_FOUND');
  const statusOf = (c: CardRow) => effectiveStatus(toDomainCard(c), today, ctx.policy);

  if (typeof evidence === 'object') {
    const card = await cardOfLiveCode(ctx, evidence.code, now);
    if (card.holderId !== holder.id) {
      const detail = 'another_holder';
      throw new AppError('EVIDENCE_REJECTED', detail, { detail }, { field: 'evidence.code', result: detail });
    }
    return { holder, card, status: statusOf(card) };
  }
  const held = await ctx.db
    .select()
    .from(cards)
    .where(eq(cards.holderId, holder.id))
    .orderBy(desc(cards.issuedOn), desc(cards.version));
  // The card that counts: a usable one first, a permit before a registration card, the newest.
  const ranked = held
    .map((card) => ({ card, status: statusOf(card) }))
    .sort(
      (a, b) =>
        statusRank[a.status] - statusRank[b.status] ||
        Number(b.card.kind === 'residence_permit') - Number(a.card.kind === 'residence_permit'),
    );
  const best = ranked[0];
  if (!best) throw new AppError('HOLDER_NOT_FOUND');
  return { holder, ...best };
}

async function cardOfLiveCode(ctx: ServiceContext, code: string, now: Date): Promise<CardRow> {
  const check = await checkSignedCode(code, {
    keys: await ctx.keys.trustedKeys(),
    now,
    skewSeconds: ctx.credentials.skewSeconds,
    checkSignature: nodeSignatureCheck,
  });
  const reject = (result: string) =>
    new AppError('EVIDENCE_REJECTED', result, { detail: result }, { field: 'evidence.code', result });
  if (!check.ok) throw reject(check.result);
  const [card] = await ctx.db
    .select()
    .from(cards)
    .where(and(eq(cards.number, check.claims.cardNumber), eq(cards.version, check.claims.cardVersion)));
  if (!card) throw reject('revoked');
  const status = effectiveStatus(toDomainCard(card), beijingDate(now), ctx.policy);
  const outcome =
    status === 'valid' || status === 'suspended' ? applyCardStatus(check, status).result : status;
  if (outcome !== 'valid' && outcome !== 'suspended') throw reject(outcome);
  return card;
}
