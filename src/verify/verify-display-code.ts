// Offline verification: a display code against a cached trust list and status list(s).
import { applyCardStatus } from './apply-card-status.ts';
import type { VerificationOutcome } from './apply-card-status.ts';
import type { SignatureCheck } from './check-signature.ts';
import { checkSignedCode } from './check-signed-code.ts';
import type { SignedCodeCheck } from './check-signed-code.ts';
import type { CardStatus } from './results.ts';
import { cardStatusFromList } from './status-list.ts';
import type { StatusListSnapshot } from './status-list.ts';
import type { TrustList } from './trust-list.ts';

export interface OfflineContext {
  trustList: TrustList;
  statusLists: (list: number) => StatusListSnapshot | undefined;
  now: Date;
  skewSeconds: number;
  challenge?: string;
  checkSignature?: SignatureCheck;
}

/** Never throws: any input gets one result of the closed set. */
export async function verifyDisplayCode(code: unknown, ctx: OfflineContext): Promise<VerificationOutcome> {
  let check: SignedCodeCheck;
  try {
    // An expired trust list vouches for no key any more: every kid is then unknown.
    const current = ctx.now.getTime() < (ctx.trustList.expiresAt + ctx.skewSeconds) * 1000;
    check = await checkSignedCode(code, {
      keys: current ? ctx.trustList.keys : [],
      now: ctx.now,
      skewSeconds: ctx.skewSeconds,
      ...(ctx.challenge === undefined ? {} : { challenge: ctx.challenge }),
      ...(ctx.checkSignature ? { checkSignature: ctx.checkSignature } : {}),
    });
  } catch {
    return { result: 'malformed' };
  }
  if (!check.ok) return applyCardStatus(check, 'unknown');
  let status: CardStatus;
  try {
    const ref = check.claims.statusList;
    status = cardStatusFromList(ctx.statusLists(ref.list), ref, ctx.now, ctx.skewSeconds);
  } catch {
    status = 'unknown'; // a status-list store that fails is a status we do not know: never `valid`
  }
  return applyCardStatus(check, status);
}
