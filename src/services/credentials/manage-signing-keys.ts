// Creating and rotating signing keys. Rotation retires the current key (it signs nothing more)
// and keeps it trusted for a grace period that outlasts everything it signed: a display code
// (lifetime + skew) and a status list token; so no code signed before a rotation fails after it.
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import {
  currentSigningKey,
  generateSigningKey,
  kidOf,
  retireSigningKey,
  type SigningAlg,
} from '../../credentials/index.ts';
import type { TrustedKey } from '../../verify/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { signingKeys } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';
import { toStoredKey, type KeyPurpose } from './key-ring.ts';
import { lockForTransaction } from '../../db/advisory-lock.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';
import { auditedAs, type Actor } from '../actor.ts';

async function insertKey(
  tx: Db,
  purpose: KeyPurpose,
  alg: SigningAlg,
  kek: Uint8Array,
  now: Date,
): Promise<string> {
  const record = generateSigningKey(alg, kek, now);
  await tx.insert(signingKeys).values({
    kid: record.kid,
    purpose,
    alg: record.alg,
    publicJwk: record.publicJwk,
    encryptedPrivateKey: record.encryptedPrivateKey,
    createdAt: now,
  });
  return record.kid;
}

/** Whether a key of `purpose` may sign now, read from the rows (see ensureSigningKeys). */
async function hasCurrentSigner(tx: Db, purpose: KeyPurpose, now: Date): Promise<boolean> {
  const rows = await tx.select().from(signingKeys).where(eq(signingKeys.purpose, purpose));
  const records = rows.map(toStoredKey).filter((k) => k.canSign);
  return (
    currentSigningKey(
      records.map((k) => k.record),
      now,
    ) !== undefined
  );
}

/**
 * At start-up: a display-code key and a trust anchor exist and can sign. Several processes
 * starting at once on one database create them once: the first takes the lock and creates, the
 * others wait and find them (the unique index on the current signer is the backstop).
 */
export async function ensureSigningKeys(ctx: ServiceContext): Promise<void> {
  const now = ctx.clock.now();
  for (const purpose of ['display_code', 'trust_anchor'] as const) {
    // Whether a key may sign now, read from the records, without opening it (a start-up need
    // not unwrap a key it may not use).
    if (await ctx.keys.current(purpose, now)) continue;
    await writeAndAnnounce(ctx, async (tx, announce) => {
      await lockForTransaction(tx, 'juzhu.signing_keys');
      if (await hasCurrentSigner(tx, purpose, now)) return;
      // The clock was set back past the current key's start (a demo restarted at the same
      // JUZHU_CLOCK): that key is still the one signer (unique index), so its window starts now.
      const [early] = await tx
        .update(signingKeys)
        .set({ createdAt: now })
        .where(
          and(
            eq(signingKeys.purpose, purpose),
            isNull(signingKeys.signUntil),
            isNotNull(signingKeys.encryptedPrivateKey),
            gt(signingKeys.createdAt, now),
          ),
        )
        .returning({ kid: signingKeys.kid });
      announce({ kind: 'signing_keys' });
      if (early) {
        await recordAudit(tx, {
          at: now,
          actorKind: 'system',
          actorId: null,
          channel: 'system',
          action: 'signing_key.start_moved_back',
          subjectKind: 'signing_key',
          subjectId: early.kid,
          details: { purpose },
        });
        return;
      }
      const kid = await insertKey(tx, purpose, ctx.credentials.signingAlg, ctx.credentials.kek, now);
      await recordAudit(tx, {
        at: now,
        actorKind: 'system',
        actorId: null,
        channel: 'system',
        action: 'signing_key.created',
        subjectKind: 'signing_key',
        subjectId: kid,
        details: { purpose },
      });
    });
  }
}

/** Seconds an old display-code key stays trusted after it stops signing. */
export function verifyGraceSeconds(ctx: ServiceContext): number {
  return (
    ctx.credentials.codeLifetimeSeconds +
    ctx.credentials.skewSeconds +
    ctx.credentials.statusListValiditySeconds
  );
}

export async function rotateDisplayCodeKey(
  ctx: ServiceContext,
  actor: Actor,
  alg: SigningAlg = ctx.credentials.signingAlg,
): Promise<{ kid: string; retired: string[] }> {
  const now = ctx.clock.now();
  return writeAndAnnounce(ctx, async (tx, announce) => {
    // One rotation at a time across processes: a second waits and then retires the first's key.
    await lockForTransaction(tx, 'juzhu.signing_keys');
    announce({ kind: 'signing_keys' });
    const current = await tx
      .select()
      .from(signingKeys)
      .where(and(eq(signingKeys.purpose, 'display_code'), isNull(signingKeys.signUntil)))
      .for('update');
    const retired: string[] = [];
    for (const row of current) {
      const r = retireSigningKey(toStoredKey(row).record, now, verifyGraceSeconds(ctx));
      await tx
        .update(signingKeys)
        .set({
          signUntil: new Date(r.signUntil ?? now.toISOString()),
          verifyUntil: r.verifyUntil ? new Date(r.verifyUntil) : null,
        })
        .where(eq(signingKeys.kid, row.kid));
      retired.push(row.kid);
    }
    const kid = await insertKey(tx, 'display_code', alg, ctx.credentials.kek, now);
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'signing_key.rotated',
      subjectKind: 'signing_key',
      subjectId: kid,
      details: { retired, alg },
    });
    return { kid, retired };
  });
}

/**
 * Trust a public key for verification only (no private key): a key of a previous installation, or
 * of a neighbouring issuer whose codes this server should check. Its windows come with it.
 */
export async function importVerificationKey(
  ctx: ServiceContext,
  actor: Actor,
  key: TrustedKey,
): Promise<void> {
  if (kidOf(key.publicJwk) !== key.kid)
    throw new AppError('VALIDATION_FAILED', "kid is not the key's thumbprint", { detail: 'kid' });
  const now = ctx.clock.now();
  const at = (s: number | null) => (s === null ? null : new Date(s * 1000));
  await writeAndAnnounce(ctx, async (tx, announce) => {
    announce({ kind: 'signing_keys' });
    await tx
      .insert(signingKeys)
      .values({
        kid: key.kid,
        purpose: 'display_code',
        alg: key.alg,
        publicJwk: key.publicJwk,
        encryptedPrivateKey: null,
        createdAt: new Date(key.notBefore * 1000),
        // Its own signing window (it never signs here: it has no private key).
        signUntil: at(key.signUntil),
        verifyUntil: at(key.verifyUntil),
      })
      .onConflictDoNothing();
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'signing_key.imported',
      subjectKind: 'signing_key',
      subjectId: key.kid,
      details: { alg: key.alg },
    });
  });
}
