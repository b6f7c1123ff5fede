// COSE_Sign1 signing (RFC 9052 §4.4) shared by display codes, status lists and the trust list.
import { decodeBase64url } from '../verify/base64url.ts';
import { encodeProtectedHeader, encodeSign1, sigStructure } from '../verify/cose-sign1.ts';
import type { Signer } from './unlock-signer.ts';

// The protected header is the same for every token a signer makes: encode it once.
const headers = new WeakMap<Signer, Map<string, Uint8Array>>();

function protectedHeaderOf(signer: Signer, typ: string | undefined): Uint8Array {
  let byTyp = headers.get(signer);
  if (!byTyp) headers.set(signer, (byTyp = new Map<string, Uint8Array>()));
  let header = byTyp.get(typ ?? '');
  if (!header) {
    const kid = decodeBase64url(signer.kid);
    if (!kid) throw new TypeError('signer kid is not base64url');
    header = encodeProtectedHeader(signer.alg, kid, typ);
    byTyp.set(typ ?? '', header);
  }
  return header;
}

/** `tagged`: write COSE_Sign1_Tagged (CBOR tag 18), as the lists are (see cose-sign1.ts). */
export function signCose(payload: Uint8Array, signer: Signer, typ?: string, tagged = false): Uint8Array {
  const header = protectedHeaderOf(signer, typ);
  return encodeSign1(header, payload, signer.sign(sigStructure(header, payload)), tagged);
}
