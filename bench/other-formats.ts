// The same claims in the formats we compare with, signed with the same P-256 key: a JWS (compact
// JWT, verified by `jose`), an SD-JWT VC (OpenWallet Foundation @sd-jwt/sd-jwt-vc 0.19, the card
// fields selectively disclosable, all disclosed), and an EU-DCC-style health certificate (CWT with
// text-keyed claims under -260, tagged COSE_Sign1, zlib, base45, "HC1:").
import { createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { Decoder, Encoder, Tag } from 'cbor-x';
import { SignJWT, importJWK, jwtVerify } from 'jose';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { ES256, digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { decodeBase45, encodeBase45 } from '../src/verify/base45.ts';
import type { DisplayClaims } from '../src/verify/display-claims.ts';

export interface Format {
  name: string;
  text: string;
  verify: () => unknown;
}

/** The display claims as a JSON credential would carry them. */
function jsonClaims(c: DisplayClaims) {
  return {
    jti: Buffer.from(c.codeId).toString('base64url'),
    iat: c.issuedAt,
    exp: c.expiresAt,
    kind: c.kind,
    card_number: c.cardNumber,
    card_version: c.cardVersion,
    valid_until: c.validUntil,
    status_at_issue: c.statusAtIssue,
    district: c.districtCode,
    masked_name: c.maskedName,
    status_list: [c.statusList.list, c.statusList.index],
  };
}

export async function jwsFormat(c: DisplayClaims, privateKey: KeyObject): Promise<Format> {
  const jwk = privateKey.export({ format: 'jwk' });
  const key = await importJWK({ ...jwk, alg: 'ES256' }, 'ES256');
  const publicKey = await importJWK({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, 'ES256');
  const text = await new SignJWT(jsonClaims(c)).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(key);
  const currentDate = new Date(c.issuedAt * 1000 + 5000);
  return { name: 'JWT (jose 6)', text, verify: () => jwtVerify(text, publicKey, { currentDate }) };
}

export async function sdJwtFormat(c: DisplayClaims, privateKey: KeyObject): Promise<Format> {
  const jwk = privateKey.export({ format: 'jwk' });
  const publicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  const sdjwt = new SDJwtVcInstance({
    signer: await ES256.getSigner(jwk),
    verifier: await ES256.getVerifier(publicJwk),
    signAlg: 'ES256',
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
  });
  const { jti: _jti, ...claims } = jsonClaims(c);
  const text = await sdjwt.issue(
    { iss: 'https://juzhu.example', vct: 'https://juzhu.example/vct/residence-permit', ...claims },
    { _sd: ['card_number', 'card_version', 'valid_until', 'district', 'masked_name'] },
  );
  const currentDate = c.issuedAt + 5; // unix seconds, the same frozen instant as the others
  return {
    name: 'SD-JWT VC (@sd-jwt/sd-jwt-vc 0.19)',
    text,
    verify: () => sdjwt.verify(text, { currentDate }),
  };
}

export function dccStyleFormat(c: DisplayClaims, privateKey: KeyObject, kid: Uint8Array): Format {
  const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false });
  const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });
  const publicKey = createPublicKey(privateKey);
  const { jti, iat: _iat, exp: _exp, ...card } = jsonClaims(c);
  const claims = new Map<number, unknown>([
    [1, 'CN'],
    [4, c.expiresAt],
    [6, c.issuedAt],
    [-260, new Map([[1, { ver: '1.0', ci: jti, ...card }]])],
  ]);
  const protectedBytes = new Uint8Array(
    encoder.encode(
      new Map<number, unknown>([
        [1, -7],
        [4, kid],
      ]),
    ),
  );
  const payload = new Uint8Array(encoder.encode(claims));
  const toBeSigned = encoder.encode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
  const signature = sign('sha256', toBeSigned, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const cose = encoder.encode(new Tag([protectedBytes, new Map(), payload, signature], 18)); // tagged COSE_Sign1
  const text = 'HC1:' + encodeBase45(deflateSync(cose, { level: 9 }));
  return {
    name: 'EU-DCC-style CWT (cbor-x, COSE, zlib, base45)',
    text,
    verify: () => {
      const inflated = inflateSync(decodeBase45(text.slice(4))!);
      const item = decoder.decode(inflated) as Tag | unknown[];
      const [p, , body, sig] = (item instanceof Tag ? item.value : item) as [
        Uint8Array,
        unknown,
        Uint8Array,
        Uint8Array,
      ];
      const data = encoder.encode(['Signature1', p, new Uint8Array(0), body]);
      if (!verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig))
        throw new Error('bad signature');
      return decoder.decode(body) as unknown;
    },
  };
}
