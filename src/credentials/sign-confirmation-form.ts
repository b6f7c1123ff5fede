// A confirmation form's proof: its printed fields as CWT claims in a COSE_Sign1 (RFC 9052 §4.2)
// with the form's typ, base45 (RFC 9285) behind the form prefix (docs/confirmation-form.md). The
// same display-code keys sign it, so the published trust list and JWKS cover forms too.
import { encodeBase45 } from '../verify/base45.ts';
import { encodeCbor } from '../verify/cbor.ts';
import { FORM_CODE_PREFIX, FORM_TYP, MAX_FORM_CODE_LENGTH, formClaimsToCbor } from '../verify/form-claims.ts';
import type { FormClaims } from '../verify/form-claims.ts';
import { signCose } from './sign-cose.ts';
import type { Signer } from './unlock-signer.ts';

/**
 * Printed size of the QR symbol (quiet zone outside it): inside the 35–60 mm asked for, so that the
 * longest realistic form (version 23-Q, 109 modules) still has 0.46 mm modules and a typical one
 * (17-Q) 0.59 mm: well above what a phone camera reads off paper at arm's length.
 */
export const FORM_QR_SIDE_MM = 50;

export function signConfirmationForm(claims: FormClaims, signer: Signer): string {
  const cose = signCose(encodeCbor(formClaimsToCbor(claims)), signer, FORM_TYP);
  const code = FORM_CODE_PREFIX + encodeBase45(cose);
  // Bounded fields keep every form well under this; reaching it is a bug, not a long name.
  if (code.length > MAX_FORM_CODE_LENGTH) throw new RangeError(`form code of ${code.length} characters`);
  return code;
}
