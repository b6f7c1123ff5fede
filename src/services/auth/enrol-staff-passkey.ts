// A signed-in staff member adds a passkey to their own account (issue 9): the registration
// ceremony of WebAuthn Level 3 §7.1. Only the member can: the private key is made by their
// authenticator, in front of them. Their session already passed whatever the login asked of them
// (the password, and the second factor an enrolled account must give); officers and
// administrators without one cannot sign in where it is required, so their first factor is still
// an administrator's TOTP enrolment (staff-totp.ts), and passkeys come after.
import { eq } from 'drizzle-orm';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { AppError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { staff, staffPasskeys, staffRoles } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { listStaffPasskeys, storeChallenge, takeChallenge } from '../../db/repositories/staff-passkeys.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { requireStaff } from '../staff/access.ts';
import { auditedAs, staffActor } from '../actor.ts';
import {
  CEREMONY_TIMEOUT_MS,
  CHALLENGE_TTL_MS,
  claimedChallenge,
  relyingParty,
  RP_NAME,
  SUPPORTED_ALGORITHMS,
} from './passkey-relying-party.ts';
import { passkeyView, type PasskeyView } from './passkey-view.ts';

/** Enough for a key on the desk, one on the keyring and a phone; more is a sign of misuse. */
export const MAX_PASSKEYS = 10;

/** Any staff role, for their own account: a passkey is the member's, made in front of them. */
const ownAccount = (principal: Principal | undefined) => requireStaff(principal, staffRoles);

export async function passkeyRegistrationOptions(
  ctx: ServiceContext,
  principal: Principal | undefined,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const member = ownAccount(principal);
  const [account] = await ctx.db
    .select({ username: staff.username, displayName: staff.displayName })
    .from(staff)
    .where(eq(staff.id, member.staffId));
  if (!account) throw new AppError('NOT_FOUND');
  const existing = await listStaffPasskeys(ctx.db, member.staffId);
  if (existing.length >= MAX_PASSKEYS) throw new AppError('CONFLICT', 'too many passkeys');
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty(ctx).rpID,
    userName: account.username,
    userDisplayName: account.displayName,
    // The user handle (§5.4.3) is the account's random id: no personal data goes to the authenticator.
    userID: new TextEncoder().encode(member.staffId),
    attestationType: 'none',
    // The same authenticator twice would be one factor counted twice (§5.4.3 excludeCredentials).
    excludeCredentials: existing.map((k) => ({ id: k.credentialId, transports: k.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    timeout: CEREMONY_TIMEOUT_MS,
  });
  const now = ctx.clock.now();
  await storeChallenge(
    ctx.db,
    {
      challenge: options.challenge,
      staffId: member.staffId,
      purpose: 'registration',
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    },
    now,
  );
  return options;
}

export async function enrolStaffPasskey(
  ctx: ServiceContext,
  principal: Principal | undefined,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<PasskeyView> {
  const member = ownAccount(principal);
  const now = ctx.clock.now();
  const rejected = (reason: string) => new AppError('PASSKEY_REJECTED', reason, {}, { reason });
  // The challenge is taken (deleted) before anything else is checked: an answer is looked at once.
  const challenge = claimedChallenge(input.response.response.clientDataJSON);
  if (!challenge || !(await takeChallenge(ctx.db, challenge, member.staffId, 'registration', now)))
    throw rejected('challenge');
  const { rpID, origin } = relyingParty(ctx);
  const verified = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    // A second factor after the password: presence suffices (§6.2.3); a PIN or a face is welcome.
    requireUserVerification: false,
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  }).catch(() => undefined);
  if (!verified?.verified) throw rejected('response');
  const { credential } = verified.registrationInfo;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(staffPasskeys)
        .values({
          staffId: member.staffId,
          credentialId: credential.id,
          publicKey: credential.publicKey,
          signCount: credential.counter,
          transports: credential.transports ?? input.response.response.transports ?? [],
          name: input.name,
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, {
        at: now,
        ...auditedAs(staffActor(member)),
        action: 'staff.passkey_enrolled',
        subjectKind: 'staff',
        subjectId: member.staffId,
        details: { passkeyId: row!.id },
      });
      return passkeyView(row!);
    });
  } catch (e) {
    // The credential is registered already (here or to another account): WebAuthn §7.1 step 25.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'credential already registered');
    throw e;
  }
}

export async function listOwnPasskeys(
  ctx: ServiceContext,
  principal: Principal | undefined,
): Promise<PasskeyView[]> {
  return (await listStaffPasskeys(ctx.db, ownAccount(principal).staffId)).map(passkeyView);
}
