// Shared test material: keys under a fixed KEK, a sample card, a frozen instant.
import { generateSigningKey, trustedKeyOf } from '../../src/credentials/signing-key.ts';
import type { SigningAlg, SigningKeyRecord } from '../../src/credentials/signing-key.ts';
import { unlockSigner } from '../../src/credentials/unlock-signer.ts';
import type { Signer } from '../../src/credentials/unlock-signer.ts';
import type { CardFields } from '../../src/credentials/sign-display-code.ts';
import type { TrustedKey } from '../../src/verify/index.ts';

export const KEK = new Uint8Array(32).fill(0x42);
export const NOW = new Date('2026-03-02T01:00:00Z'); // 09:00 in Beijing
export const SKEW = 10;

export const CARD: CardFields = {
  kind: 'residence_permit',
  cardNumber: 'JZ110105202400017',
  cardVersion: 2,
  validUntil: '2027-03-01',
  statusAtIssue: 'valid',
  districtCode: '110105',
  maskedName: '张*明',
  statusList: { list: 3, index: 101_234 },
};

export interface TestKey {
  record: SigningKeyRecord;
  signer: Signer;
  trusted: TrustedKey;
}

export function makeKey(
  alg: SigningAlg = 'ES256',
  createdAt = new Date(NOW.getTime() - 86_400_000),
): TestKey {
  const record = generateSigningKey(alg, KEK, createdAt);
  return { record, signer: unlockSigner(record, KEK), trusted: trustedKeyOf(record) };
}

export const at = (secondsFromNow: number): Date => new Date(NOW.getTime() + secondsFromNow * 1000);
