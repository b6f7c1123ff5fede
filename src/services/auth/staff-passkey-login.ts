// A passkey as the second step of a staff login (issue 9): the authentication ceremony of WebAuthn
// Level 3 §7.2. The options are given only after the right password, so they name the account's
// credentials to no one who does not know it; the challenge is kept in the database for that
// account alone, answered once, and the answer is checked in POST /auth/staff (login-staff.ts).
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { AppError } from '../../domain/errors.ts';
import {
  advanceSignCount,
  findStaffPasskey,
  listStaffPasskeys,
  storeChallenge,
  takeChallenge,
} from '../../db/repositories/staff-passkeys.ts';
import type { ServiceContext } from '../context.ts';
import { checkStaffPassword } from './check-staff-password.ts';
import {
  CEREMONY_TIMEOUT_MS,
  CHALLENGE_TTL_MS,
  claimedChallenge,
  relyingParty,
} from './passkey-relying-party.ts';

/** POST /auth/staff/passkey-options: the request options for this account's passkeys. */
export async function passkeyLoginOptions(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const attempt = await checkStaffPassword(ctx, username, password);
  // The password was right: its place is given back whatever follows (a wrong assertion, later,
  // takes one in POST /auth/staff like a wrong code).
  await attempt.refund();
  const keys = await listStaffPasskeys(ctx.db, attempt.member.id);
  if (keys.length === 0) throw new AppError('PASSKEY_NOT_ENROLLED');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx).rpID,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports })),
    userVerification: 'preferred',
    timeout: CEREMONY_TIMEOUT_MS,
  });
  const now = ctx.clock.now();
  await storeChallenge(
    ctx.db,
    {
      challenge: options.challenge,
      staffId: attempt.member.id,
      purpose: 'authentication',
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    },
    now,
  );
  return options;
}

/**
 * Whether `response` is a fresh assertion by one of this member's passkeys, answering a challenge
 * handed to this member. The checks in order: the challenge is taken (so a replay finds none); the
 * credential is this member's (another member's is unknown here); the library checks origin, RP ID
 * hash, user presence, type, challenge and signature (§7.2 steps 11-21); the signature counter must
 * move forward when the authenticator keeps one (§6.1.1: a counter going back betrays a clone), and
 * is advanced atomically, so two racing logins with one assertion cannot both pass.
 */
export async function checkStaffPasskey(
  ctx: ServiceContext,
  memberId: string,
  response: AuthenticationResponseJSON,
): Promise<boolean> {
  const now = ctx.clock.now();
  const challenge = claimedChallenge(response.response.clientDataJSON);
  if (!challenge || !(await takeChallenge(ctx.db, challenge, memberId, 'authentication', now))) return false;
  const key = await findStaffPasskey(ctx.db, memberId, response.id);
  if (!key) return false;
  const { rpID, origin } = relyingParty(ctx);
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: key.credentialId,
      // (a copy: the library's type asks for a plain ArrayBuffer behind the bytes)
      publicKey: new Uint8Array(key.publicKey),
      counter: key.signCount,
      transports: key.transports,
    },
    requireUserVerification: false,
  }).catch(() => undefined);
  if (!result?.verified) return false;
  return advanceSignCount(ctx.db, key.id, key.signCount, result.authenticationInfo.newCounter, now);
}
