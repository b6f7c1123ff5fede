// Status List Token in CWT form (draft-ietf-oauth-status-list §5.2). CWT rather than JWT: the
// verifier already parses CBOR and checks COSE_Sign1 with one algorithm allow-list for display
// codes, so the list adds no JSON/JOSE parser to the browser bundle, and the compressed list
// travels as raw bytes instead of base64url (a third smaller).
import { deflateSync } from 'node:zlib';
import { AppError } from '../domain/errors.ts';
import { encodeCbor } from '../verify/cbor.ts';
import type { CborValue } from '../verify/cbor.ts';
import { CWT_EXP, CWT_IAT } from '../verify/display-claims.ts';
import {
  CWT_STATUS_LIST,
  CWT_SUB,
  CWT_TTL,
  STATUS_LIST_TYP,
  listNumberOfUri,
} from '../verify/status-list.ts';
import { signCose } from './sign-cose.ts';
import { STATUS_BITS } from './status-list.ts';
import type { StatusListRecord } from './status-list.ts';
import type { Signer } from './unlock-signer.ts';

export interface StatusListTokenOptions {
  /** The list's URI, ending in `/<list number>`: e.g. https://host/api/v1/status-lists/3 */
  uri: string;
  now: Date;
  /** How long a verifier may use its cached copy (§5.2 ttl); after that its results are status_unknown. */
  ttlSeconds: number;
  /** exp: after this the issuer considers the token expired. Must be ≥ ttl. */
  validitySeconds: number;
}

export function signStatusList(r: StatusListRecord, signer: Signer, o: StatusListTokenOptions): Uint8Array {
  if (listNumberOfUri(o.uri) !== r.list) {
    throw new AppError('VALIDATION_FAILED', `status list uri must end in /${r.list}`);
  }
  if (!(o.ttlSeconds > 0) || !(o.validitySeconds >= o.ttlSeconds)) {
    throw new AppError('VALIDATION_FAILED', 'ttlSeconds > 0 and validitySeconds ≥ ttlSeconds');
  }
  const iat = Math.floor(o.now.getTime() / 1000);
  // §4.1: ZLIB, "RECOMMENDED to use the highest compression level available".
  const lst = new Uint8Array(deflateSync(r.statuses, { level: 9 }));
  const claims = new Map<number, CborValue>([
    [CWT_SUB, o.uri],
    [CWT_EXP, iat + Math.floor(o.validitySeconds)],
    [CWT_IAT, iat],
    [
      CWT_STATUS_LIST,
      new Map<string, CborValue>([
        ['bits', STATUS_BITS],
        ['lst', lst],
      ]),
    ],
    [CWT_TTL, Math.floor(o.ttlSeconds)],
  ]);
  return signCose(encodeCbor(claims), signer, STATUS_LIST_TYP, true); // tag 18: draft -15 §5.2
}
