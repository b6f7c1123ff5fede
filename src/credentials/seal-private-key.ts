// Private keys at rest: AES-256-GCM under a key-encryption key (KEK) from configuration
// (NIST SP 800-38D; 96-bit random IV per seal, 128-bit tag). The additional data binds a sealed key
// to its record (kid and alg), so a ciphertext moved onto another record fails to open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import { decodeBase64url, encodeBase64url } from '../verify/base64url.ts';

const FORMAT = 'v1';

export function checkKek(kek: Uint8Array): void {
  if (!(kek instanceof Uint8Array) || kek.length !== 32) {
    throw new AppError('INTERNAL', 'the key-encryption key must be 32 bytes');
  }
}

export function sealPrivateKey(pkcs8: Uint8Array, kek: Uint8Array, aad: string): string {
  checkKek(kek);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(new TextEncoder().encode(aad));
  const sealed = Buffer.concat([cipher.update(pkcs8), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${encodeBase64url(iv)}.${encodeBase64url(sealed)}`;
}

export function openPrivateKey(sealed: string, kek: Uint8Array, aad: string): Buffer {
  checkKek(kek);
  const [format, ivText, bodyText] = sealed.split('.');
  const iv = decodeBase64url(ivText ?? '');
  const body = decodeBase64url(bodyText ?? '');
  if (format !== FORMAT || !iv || iv.length !== 12 || !body || body.length < 17) {
    throw new AppError('INTERNAL', 'sealed private key: unknown format');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, iv);
    decipher.setAAD(new TextEncoder().encode(aad));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    // Wrong KEK or a tampered/moved ciphertext: GCM's tag fails. Say which key, never why in detail.
    throw new AppError('INTERNAL', 'signing key cannot be opened with this key-encryption key');
  }
}
