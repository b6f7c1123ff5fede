// The last step of verification: the card's status. Worst first: a revoked or replaced card says
// so; a status we cannot know (stale list) is never `valid`; a card suspended at issue or now is
// suspended (DESIGN §2: a lapsed endorsement suspends the permit's use).
import type { SignedCodeCheck } from './check-signed-code.ts';
import type { DisplayClaims } from './display-claims.ts';
import type { CardStatus, VerificationResult } from './results.ts';

export interface VerificationOutcome {
  result: VerificationResult;
  /** Present only when the signature held. */
  claims?: DisplayClaims;
  kid?: string;
}

export function applyCardStatus(check: SignedCodeCheck, status: CardStatus): VerificationOutcome {
  if (!check.ok) {
    const { ok: _ok, ...outcome } = check;
    return outcome;
  }
  const { claims, kid } = check;
  const result: VerificationResult =
    status === 'revoked'
      ? 'revoked'
      : status === 'superseded'
        ? 'superseded'
        : status === 'unknown'
          ? 'status_unknown'
          : status === 'suspended' || claims.statusAtIssue === 'suspended'
            ? 'suspended'
            : 'valid';
  return { result, claims, kid };
}
