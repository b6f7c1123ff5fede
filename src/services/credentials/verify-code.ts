// POST /verify: anyone may check a code; the answer is one result of the closed set and the
// public view (kind, masked name, district, validity date). The signature and times are checked
// exactly as the offline library does (checkSignedCode); the card's status comes from the
// database, which is fresher than any status list. Every check is recorded: it answers
// "seen before?" for the next verifier and appears in the holder's access log.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { effectiveStatus } from '../../domain/cards/index.ts';
import { nodeSignatureCheck } from '../../credentials/index.ts';
import {
  applyCardStatus,
  checkSignedCode,
  isFormCode,
  type DisplayClaims,
  type VerificationResult,
} from '../../verify/index.ts';
import {
  cards,
  legacyCards,
  residents,
  stations,
  verifications,
  verifierKeys,
  verifierOrgs,
} from '../../db/schema/index.ts';
import { openIdNumber, openName } from '../../db/repositories/residents.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { sha256Hex } from '../auth/tokens.ts';
import { isLiveChallenge } from './verify-challenges.ts';
import { verifyConfirmationForm } from './verify-confirmation-form.ts';
import type { ServiceContext } from '../context.ts';
import { openAddress } from '../../db/repositories/addresses.ts';

export interface PublicCardView {
  kind: string;
  maskedName: string;
  districtCode: string;
  validUntil: string;
}

export interface FullCardRecord extends PublicCardView {
  name: string;
  idNumber: string;
  sex: string | null;
  birthDate: string | null;
  number: string;
  version: number;
  issuedOn: string;
  issuingAuthority: string;
  address: { districtCode: string; streetCode: string; detail: string };
}

export interface VerifyResponse {
  result: VerificationResult;
  kind?: string;
  checkedAt: string;
  card?: PublicCardView | FullCardRecord;
  /** Whether and when the code was checked before; by whom only for an authorised verifier. */
  seenBefore?: { at: string; verifier?: string };
  /** A confirmation form's QR: when and where the form was issued. */
  form?: { serial: string; issuedAt: string; stationId: string; stationName: string };
}

export interface VerifierIdentity {
  orgId: string;
  name: string;
  fullRecord: boolean;
}

/** A verifier organisation's key (header `x-verifier-key`), or undefined for an anonymous verifier. */
export async function authenticateVerifier(
  ctx: ServiceContext,
  key: string | undefined,
): Promise<VerifierIdentity | undefined> {
  if (!key || key.length < 20 || key.length > 200) return undefined;
  const [row] = await ctx.db
    .select({ orgId: verifierOrgs.id, name: verifierOrgs.name, fullRecord: verifierOrgs.fullRecord })
    .from(verifierKeys)
    .innerJoin(verifierOrgs, eq(verifierOrgs.id, verifierKeys.orgId))
    .where(and(eq(verifierKeys.keyHash, sha256Hex(key)), isNull(verifierKeys.revokedAt)));
  return row;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export async function verifyCode(
  ctx: ServiceContext,
  input: { code: string; challenge?: string | undefined },
  verifier: VerifierIdentity | undefined,
): Promise<VerifyResponse> {
  // A confirmation form's QR has its own prefix and checks (verify-confirmation-form.ts).
  if (isFormCode(input.code)) return verifyConfirmationForm(ctx, input.code, verifier);
  const now = ctx.clock.now();
  // A challenge must be one this service handed out and still fresh: a stale or invented one
  // proves nothing about the code being made just now.
  if (input.challenge !== undefined && !(await isLiveChallenge(ctx, input.challenge, now))) {
    await recordVerification(ctx, now, {
      codeId: null,
      cardId: null,
      result: 'challenge_mismatch',
      verifier,
    });
    return { result: 'challenge_mismatch', checkedAt: now.toISOString() };
  }
  const checkAgainstKeys = async () =>
    checkSignedCode(input.code, {
      keys: await ctx.keys.trustedKeys(),
      now,
      skewSeconds: ctx.credentials.skewSeconds,
      checkSignature: nodeSignatureCheck,
      ...(input.challenge === undefined ? {} : { challenge: input.challenge }),
    });
  let check = await checkAgainstKeys();
  // A key rotated in by another process a moment ago: read the keys again before saying
  // unknown_key, so a code signed there verifies here at once (the announcement may still be
  // on its way).
  if (!check.ok && check.result === 'unknown_key' && ctx.keys.reloadForUnknownKey())
    check = await checkAgainstKeys();
  const checkedAt = now.toISOString();
  const claims: DisplayClaims | undefined = check.claims;
  if (!claims) {
    await recordVerification(ctx, now, {
      codeId: null,
      cardId: null,
      result: check.ok ? 'malformed' : check.result,
      verifier,
    });
    return { result: check.ok ? 'malformed' : check.result, checkedAt };
  }
  const [row] = await ctx.db
    .select({
      card: cards,
      holder: residents,
      stationName: stations.name,
      legacyAuthority: legacyCards.issuingAuthority,
    })
    .from(cards)
    .innerJoin(residents, eq(residents.id, cards.holderId))
    .innerJoin(stations, eq(stations.id, cards.stationId))
    // A legacy card names the authority printed on it (R10).
    // Joined on the number (indexed in every partition; codes compare in collation "C" there).
    .leftJoin(
      legacyCards,
      and(eq(cards.source, 'legacy'), sql`${legacyCards.cardNumber} = ${cards.number} collate "C"`),
    )
    .where(and(eq(cards.number, claims.cardNumber), eq(cards.version, claims.cardVersion)));
  let result: VerificationResult;
  if (!check.ok) result = check.result;
  // Signed by us for a card that is not (or no longer) in the register: never valid.
  else if (!row) result = 'revoked';
  else {
    const status = effectiveStatus(toDomainCard(row.card), beijingDate(now), ctx.policy);
    // A card past its last valid day: the code outlived the card (registration cards lapse).
    result = status === 'expired' ? 'expired' : applyCardStatus(check, status).result;
  }
  const codeId = hex(claims.codeId);
  const [seen] = await ctx.db
    .select({ at: verifications.at, orgName: verifierOrgs.name })
    .from(verifications)
    .leftJoin(verifierOrgs, eq(verifierOrgs.id, verifications.orgId))
    .where(eq(verifications.codeId, codeId))
    .orderBy(asc(verifications.at))
    .limit(1);
  const showFull = verifier?.fullRecord === true && row !== undefined && check.ok;
  await recordVerification(ctx, now, {
    codeId,
    cardId: row?.card.id ?? null,
    result,
    verifier,
    fullRecord: showFull,
  });
  const publicView: PublicCardView = {
    kind: claims.kind,
    maskedName: claims.maskedName,
    districtCode: claims.districtCode,
    validUntil: claims.validUntil,
  };
  const response: VerifyResponse = { result, kind: claims.kind, checkedAt, card: publicView };
  // Who checked before is shown only to a verifier authorised for the full record (DESIGN §3): an
  // anonymous one would otherwise learn that the police had looked (issue 9, finding 8).
  if (seen) {
    const at = seen.at.toISOString();
    response.seenBefore = verifier?.fullRecord ? { at, verifier: seen.orgName ?? 'anonymous' } : { at };
  }
  if (showFull && row) {
    response.card = {
      ...publicView,
      name: openName(ctx.personal, row.holder.nameSealed) ?? '',
      idNumber: openIdNumber(ctx.personal, row.holder.idNumberSealed) ?? '',
      sex: row.holder.sex,
      birthDate: row.holder.birthDate,
      number: row.card.number,
      version: row.card.version,
      issuedOn: row.card.issuedOn,
      issuingAuthority: row.legacyAuthority ?? row.stationName,
      address: {
        districtCode: row.card.districtCode,
        streetCode: row.card.streetCode,
        detail: openAddress(ctx.personal, 'cards', row.card),
      },
    };
  }
  return response;
}

export async function recordVerification(
  ctx: ServiceContext,
  at: Date,
  v: {
    codeId: string | null;
    cardId: string | null;
    result: VerificationResult;
    verifier: VerifierIdentity | undefined;
    fullRecord?: boolean;
  },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.insert(verifications).values({
      at,
      codeId: v.codeId,
      cardId: v.cardId,
      result: v.result,
      orgId: v.verifier?.orgId ?? null,
      fullRecord: v.fullRecord ?? false,
    });
    await recordAudit(tx, {
      at,
      actorKind: 'verifier',
      actorId: v.verifier?.orgId ?? null,
      channel: 'api',
      action: v.fullRecord ? 'card.full_record_viewed' : 'card.verified',
      subjectKind: v.cardId ? 'card' : 'display_code',
      subjectId: v.cardId ?? v.codeId ?? 'unreadable',
      details: { result: v.result },
    });
  });
}
