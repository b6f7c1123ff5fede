// The checks on a confirmation form's QR, in the order of check-signed-code.ts:
//   1 prefix, length, base45, COSE envelope with the form's typ, alg allow-list
//                                                            → malformed | unsupported_version
//   2 kid among the keys given                                → unknown_key
//   3 alg of the header equals the key's alg, signature holds → bad_signature
//   4 only now the claims are read (RFC 9052 §4.4)            → malformed
//   5 the key could sign at the form's issued-at              → unknown_key
//   6 issued-at not in the future beyond the skew             → not_yet_valid
// A form is paper: it has no expiry of its own. Its key is found by id whatever that key's
// verification window for live codes says (a rotation must not void forms printed before it);
// what counts is that the key could sign when the form was issued. Whether the permit is valid
// *now* comes after, from the register (online) or a status list.
import { decodeBase45 } from './base45.ts';
import { encodeBase64url } from './base64url.ts';
import { decodeCbor } from './cbor.ts';
import { webCryptoSignatureCheck } from './check-signature.ts';
import type { SignatureCheck } from './check-signature.ts';
import { parseSign1, sigStructure } from './cose-sign1.ts';
import { FORM_CODE_PREFIX, FORM_TYP, MAX_FORM_CODE_LENGTH, formClaimsFromCbor } from './form-claims.ts';
import type { FormClaims } from './form-claims.ts';
import type { VerificationResult } from './results.ts';
import { couldSignAt } from './trust-list.ts';
import type { TrustedKey } from './trust-list.ts';

export interface FormCheckContext {
  keys: readonly TrustedKey[];
  now: Date;
  skewSeconds: number;
  checkSignature?: SignatureCheck;
}

export type FormCheck =
  | { ok: true; claims: FormClaims; kid: string }
  | { ok: false; result: Exclude<VerificationResult, 'valid'>; claims?: FormClaims; kid?: string };

const OTHER_FORM_VERSION = /^JZF[0-9]{1,3}:/;

export function isFormCode(code: unknown): boolean {
  return typeof code === 'string' && OTHER_FORM_VERSION.test(code);
}

export async function checkConfirmationForm(code: unknown, ctx: FormCheckContext): Promise<FormCheck> {
  if (typeof code !== 'string' || code.length > MAX_FORM_CODE_LENGTH) return fail('malformed');
  if (!code.startsWith(FORM_CODE_PREFIX)) {
    return fail(OTHER_FORM_VERSION.test(code) ? 'unsupported_version' : 'malformed');
  }
  const bytes = decodeBase45(code.slice(FORM_CODE_PREFIX.length));
  const parts = bytes && bytes.length > 0 ? parseSign1(bytes, FORM_TYP) : undefined;
  if (!parts) return fail('malformed');

  const kid = encodeBase64url(parts.kid);
  const key = ctx.keys.find((k) => k.kid === kid);
  if (!key) return { ok: false, result: 'unknown_key', kid };
  if (parts.alg !== key.alg) return { ok: false, result: 'bad_signature', kid };
  let holds = false;
  try {
    const check = ctx.checkSignature ?? webCryptoSignatureCheck;
    holds = await check(key, sigStructure(parts.protectedBytes, parts.payload), parts.signature);
  } catch {
    holds = false;
  }
  if (!holds) return { ok: false, result: 'bad_signature', kid };

  const claims = formClaimsFromCbor(decodeCbor(parts.payload));
  if (!claims) return { ok: false, result: 'malformed', kid };
  if (!couldSignAt(key, claims.issuedAt, ctx.skewSeconds))
    return { ok: false, result: 'unknown_key', claims, kid };
  if (ctx.now.getTime() < (claims.issuedAt - ctx.skewSeconds) * 1000) {
    return { ok: false, result: 'not_yet_valid', claims, kid };
  }
  return { ok: true, claims, kid };
}

const fail = (result: 'malformed' | 'unsupported_version') => ({ ok: false, result }) as const;
