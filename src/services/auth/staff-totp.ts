// Staff second factor (issue 9; NIST SP 800-63B AAL2, MLPS 2.0 level 3 "two or more authentication
// techniques" for administrators): TOTP (RFC 6238, 6 digits, 30 s) with otplib. The secret is sealed
// under the KEK like the signing keys, bound to its account by the additional data; a code is good
// once (the last accepted time step is kept, and advanced atomically); one step either side is
// accepted for a phone a little off. Enrolment is an administrator's act (or the CLI's, for the
// first administrator): the secret is shown once, as text and as an otpauth:// URI for a QR code.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import { openPrivateKey, sealPrivateKey } from '../../credentials/seal-private-key.ts';
import { AppError } from '../../domain/errors.ts';
import { staff } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext, StaffRole } from '../context.ts';
import { auditedAs, type Actor } from '../actor.ts';

const ISSUER = 'juzhu 居住证';
const aadOf = (staffId: string) => `staff-totp:${staffId}`;

/** The roles that must sign in with a code where the policy requires it. */
export const SECOND_FACTOR_ROLES: readonly StaffRole[] = ['officer', 'admin'];

export interface TotpEnrolment {
  /** Base32, for typing into an authenticator by hand. */
  secret: string;
  /** otpauth://totp/…, for a QR code. */
  uri: string;
}

/** Gives `staffId` a new TOTP secret (replacing any), shown this once. Admins only, or the CLI. */
export async function enrolStaffTotp(
  ctx: ServiceContext,
  actor: Actor,
  staffId: string,
): Promise<TotpEnrolment> {
  const now = ctx.clock.now();
  const secret = generateSecret();
  const sealed = sealPrivateKey(new TextEncoder().encode(secret), ctx.credentials.kek, aadOf(staffId));
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .update(staff)
      .set({ totpSecret: sealed, totpLastStep: null })
      .where(eq(staff.id, staffId))
      .returning({ username: staff.username, stationId: staff.stationId });
    if (!member) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'staff.totp_enrolled',
      subjectKind: 'staff',
      subjectId: staffId,
      stationId: member.stationId,
    });
    return { secret, uri: generateURI({ issuer: ISSUER, label: member.username, secret }) };
  });
}

/**
 * Whether `code` is the account's current code and not one used before. Advancing the last step is
 * one conditional UPDATE, so two logins racing with the same code cannot both pass.
 */
export async function checkStaffTotp(
  ctx: ServiceContext,
  member: { id: string; totpSecret: string },
  code: string,
): Promise<boolean> {
  const secret = new TextDecoder().decode(
    openPrivateKey(member.totpSecret, ctx.credentials.kek, aadOf(member.id)),
  );
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(ctx.clock.now().getTime() / 1000),
    epochTolerance: 30,
  }).catch(() => ({ valid: false as const }));
  // (otplib's functional verify answers for HOTP too; a TOTP result carries its time step)
  if (!result.valid || !('timeStep' in result)) return false;
  const step = result.timeStep;
  const [advanced] = await ctx.db
    .update(staff)
    .set({ totpLastStep: step })
    .where(and(eq(staff.id, member.id), or(isNull(staff.totpLastStep), lt(staff.totpLastStep, step))))
    .returning({ id: staff.id });
  return advanced !== undefined;
}
