// PUT /me/identity: binds the account to a real identity, once (实名认证). The ID number is
// checked (region, birth date, check digit) and one ID number belongs to one account only.
//
// Knowing a name and an ID number proves nothing (issue 9, finding 1: a stranger took over a
// window applicant's record, cards and wards that way). So:
// - an identity the platform does not hold yet binds on the real-name authority's word;
// - one it holds without a phone (window intake, legacy import, a ward) binds only under the name
//   it holds, and only with proof of possession: a clerk's binding code, or the carrier's
//   three-factor check that this phone is registered to the person. The account then takes over
//   the record, its cards and its guardianships (as the person, never as a stranger);
// - every refusal on a held identity is audited, in a transaction of its own, since nothing binds.
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { normalisePersonName } from '../../domain/identity/person-name.ts';
import type { Db } from '../../db/client.ts';
import { residents } from '../../db/schema/index.ts';
import { findResident, findResidentByIdNumber, sealResidentFields } from '../../db/repositories/residents.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { enforceRateLimit } from '../../db/repositories/rate-limits.ts';
import type { ServiceContext } from '../context.ts';
import { auditedAs, type ResidentActor } from '../actor.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';
import { redeemBindingCode } from './binding-codes.ts';
import { takeOverHeldRecord } from './take-over-held-record.ts';
import { materialisePendingLegacyCards } from '../legacy/materialise-legacy-card.ts';

/** Bind attempts per account and hour: enough for typos, too few to probe who the platform holds. */
const ATTEMPTS_PER_HOUR = 10;

type Refusal = 'name_mismatch' | 'proof_required' | 'binding_code_invalid' | 'already_bound';
const refusalCode = {
  name_mismatch: 'IDENTITY_NAME_MISMATCH',
  proof_required: 'IDENTITY_PROOF_REQUIRED',
  binding_code_invalid: 'BINDING_CODE_INVALID',
  already_bound: 'IDENTITY_ALREADY_BOUND',
} as const;

export interface BoundIdentity {
  name: string;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** An account's binding attempt on a record, bound or refused; never the typed name. */
const auditBinding = (
  tx: Db,
  now: Date,
  by: { actor: ResidentActor; recordId: string },
  details: { reason: Refusal } | { proof: string; [k: string]: string },
) =>
  recordAudit(tx, {
    at: now,
    ...auditedAs(by.actor),
    action: 'reason' in details ? 'identity.bind_refused' : 'identity.bound',
    subjectKind: 'resident',
    subjectId: by.recordId,
    details,
  });

export async function bindIdentity(
  ctx: ServiceContext,
  actor: ResidentActor,
  input: { name: string; idNumber: string; bindingCode?: string | undefined },
): Promise<BoundIdentity> {
  const residentId = actor.id;
  const now = ctx.clock.now();
  const id = parseIdNumber(input.idNumber, beijingDate(now));
  const name = normalisePersonName(input.name);
  const bound: BoundIdentity = { name, idNumber: id.idNumber, birthDate: id.birthDate, sex: id.sex };
  const me = await findResident(ctx.db, ctx.personal, residentId);
  if (!me) throw new AppError('NOT_FOUND');
  if (me.idNumber !== null) throw new AppError('IDENTITY_ALREADY_BOUND');
  await enforceRateLimit(ctx.db, `identity-bind:${residentId}`, now, 3600, ATTEMPTS_PER_HOUR);

  // A holder of imported legacy cards is held from here on like any other (their cards made now),
  // so binding that identity needs the same proof of possession.
  await materialisePendingLegacyCards(ctx, { idNumbers: [id.idNumber] });
  const held = await findResidentByIdNumber(ctx.db, ctx.personal, id.idNumber);
  if (!held) {
    if (!(await ctx.realName.matches({ name, idNumber: id.idNumber })))
      throw new AppError('IDENTITY_REJECTED');
    await bindNew(ctx, actor, bound, now);
    return bound;
  }

  const attempt = { actor, recordId: held.id };
  const refuse = async (reason: Refusal): Promise<never> => {
    await ctx.db.transaction((tx) => auditBinding(tx, now, attempt, { reason }));
    throw new AppError(refusalCode[reason]);
  };
  if (held.phone !== null) return refuse('already_bound');
  // The name is compared with the one the platform holds, and never overwrites it.
  if (held.name !== null && held.name !== name) return refuse('name_mismatch');

  const typed = input.bindingCode;
  if (typed === undefined) {
    if (
      me.phone === null ||
      !(await ctx.realName.phoneRegisteredTo({ phone: me.phone, name, idNumber: id.idNumber }))
    )
      return refuse('proof_required');
  }
  const outcome = await writeAndAnnounce(ctx, async (tx, announce) => {
    const still = await findResident(tx, ctx.personal, held.id, { forUpdate: true });
    if (!still || still.phone !== null) return 'already_bound' as const;
    let codeId: string | null = null;
    if (typed !== undefined) {
      codeId = await redeemBindingCode(tx, ctx.personal, {
        idNumber: id.idNumber,
        idNumberIndex: ctx.personal.indexHex('id_number', id.idNumber),
        typed,
        residentId: held.id,
        now,
      });
      if (codeId === null) {
        // The failure count and its audit row commit; nothing else happened.
        await auditBinding(tx, now, attempt, { reason: 'binding_code_invalid' });
        return 'binding_code_invalid' as const;
      }
    }
    await takeOverHeldRecord(tx, ctx.personal, { me, held: still, name, now });
    // Cached sessions still name the deleted account: every process forgets them.
    announce({ kind: 'sessions_of', subjectId: residentId });
    await auditBinding(
      tx,
      now,
      attempt,
      codeId
        ? { proof: 'binding_code', bindingCodeId: codeId }
        : { proof: 'carrier_three_factor', verifier: ctx.realName.name },
    );
    return 'bound' as const;
  });
  if (outcome === 'already_bound') return refuse('already_bound');
  if (outcome !== 'bound') throw new AppError(refusalCode[outcome]);
  return { ...bound, name: held.name ?? name };
}

/** An identity the platform did not hold: the account itself becomes the record. */
async function bindNew(
  ctx: ServiceContext,
  actor: ResidentActor,
  b: BoundIdentity,
  now: Date,
): Promise<void> {
  const residentId = actor.id;
  try {
    await ctx.db.transaction(async (tx) => {
      const me = await findResident(tx, ctx.personal, residentId, { forUpdate: true });
      if (!me) throw new AppError('NOT_FOUND');
      if (me.idNumber !== null) throw new AppError('IDENTITY_ALREADY_BOUND');
      await tx
        .update(residents)
        .set({
          ...sealResidentFields(ctx.personal, { idNumber: b.idNumber, name: b.name }),
          sex: b.sex,
          birthDate: b.birthDate,
          identityBoundAt: now,
        })
        .where(eq(residents.id, residentId));
      const self = { actor, recordId: residentId };
      await auditBinding(tx, now, self, { proof: 'real_name', verifier: ctx.realName.name });
    });
  } catch (e) {
    // A window registration of the same ID number committed in between.
    if (isUniqueViolation(e)) throw new AppError('IDENTITY_ALREADY_BOUND');
    throw e;
  }
}
