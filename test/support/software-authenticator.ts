// A software authenticator for tests: what a security key does, in a few lines of node:crypto, so
// the routes see genuine WebAuthn responses (Level 3 §6.1 authenticator data, §6.5.4 attestation
// format "none", §6.3.3 assertion signature) without a browser. ES256 (P-256) keys, COSE_Key
// (RFC 9052 §7) and the attestation object in CBOR by the `cbor` library.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import cbor from 'cbor';

const b64u = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

const FLAG_UP = 0x01; // user present
const FLAG_UV = 0x04; // user verified
const FLAG_AT = 0x40; // attested credential data included

export interface SoftwareAuthenticator {
  credentialId: string;
  /** The signature counter the next assertion reports (set it to make one go backwards). */
  counter: number;
  /** navigator.credentials.create() answering `options`, as @simplewebauthn/browser sends it. */
  register(options: { challenge: string; rp: { id?: string } }, origin: string): RegistrationJson;
  /** navigator.credentials.get() answering `options`; `credentialId` may be claimed falsely. */
  assert(
    options: { challenge: string; rpId?: string },
    origin: string,
    claim?: { credentialId?: string },
  ): AssertionJson;
}

export interface RegistrationJson {
  id: string;
  rawId: string;
  type: 'public-key';
  clientExtensionResults: Record<string, never>;
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
}
export interface AssertionJson {
  id: string;
  rawId: string;
  type: 'public-key';
  clientExtensionResults: Record<string, never>;
  response: { clientDataJSON: string; authenticatorData: string; signature: string };
}

function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  return cbor.encode(
    new Map<number, number | Buffer>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]),
  );
}

const counterBytes = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function softwareAuthenticator(initialCounter = 0): SoftwareAuthenticator {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rawId = randomBytes(32);
  const self: SoftwareAuthenticator = {
    credentialId: b64u(rawId),
    counter: initialCounter,
    register(options, origin) {
      const clientData = JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin });
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(rawId.length);
      const authData = Buffer.concat([
        sha256(options.rp.id ?? new URL(origin).hostname),
        Buffer.from([FLAG_UP | FLAG_UV | FLAG_AT]),
        counterBytes(self.counter),
        Buffer.alloc(16), // AAGUID: none given
        idLength,
        rawId,
        coseKey(publicKey),
      ]);
      const attestationObject = cbor.encode({ fmt: 'none', attStmt: {}, authData });
      return {
        id: self.credentialId,
        rawId: self.credentialId,
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64u(clientData),
          attestationObject: b64u(attestationObject),
          transports: ['internal'],
        },
      };
    },
    assert(options, origin, claim = {}) {
      const clientData = JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin });
      const authData = Buffer.concat([
        sha256(options.rpId ?? new URL(origin).hostname),
        Buffer.from([FLAG_UP | FLAG_UV]),
        counterBytes(self.counter),
      ]);
      // §6.3.3: the signature covers authenticatorData ‖ SHA-256(clientDataJSON); ES256 in DER.
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), privateKey);
      const id = claim.credentialId ?? self.credentialId;
      return {
        id,
        rawId: id,
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64u(clientData),
          authenticatorData: b64u(authData),
          signature: b64u(signature),
        },
      };
    },
  };
  return self;
}
