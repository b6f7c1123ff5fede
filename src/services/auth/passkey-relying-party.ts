// What a passkey ceremony is bound to (WebAuthn Level 3 §5.1.3, §7.1): the relying party ID is the
// host name of the public URL (JUZHU_PUBLIC_URL) and the only accepted origin is that URL's, so an
// assertion made for a look-alike site does not sign in here. Set JUZHU_PUBLIC_URL to the name staff
// type: browsers refuse an IP address as the relying party ID.
import type { ServiceContext } from '../context.ts';

export const RP_NAME = 'juzhu 居住证';
/** How long a challenge may be answered: the browser's own timeout, plus the round trip. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const CEREMONY_TIMEOUT_MS = 4 * 60_000;
/**
 * ES256, EdDSA, RS256 (COSE algorithm ids, RFC 9053): what authenticators offer. Listed so the
 * library does not probe the runtime for post-quantum ones (Node warns on that probe).
 */
export const SUPPORTED_ALGORITHMS = [-7, -8, -257];

export function relyingParty(ctx: ServiceContext): { rpID: string; origin: string } {
  const url = new URL(ctx.credentials.publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

/**
 * The challenge a response claims to answer (clientDataJSON.challenge, §5.8.1), read before any
 * check so the stored one can be taken; the library then checks the whole response against it.
 */
export function claimedChallenge(clientDataJSON: string): string | undefined {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as unknown;
    const challenge = (data as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' && challenge.length <= 256 ? challenge : undefined;
  } catch {
    return undefined;
  }
}
