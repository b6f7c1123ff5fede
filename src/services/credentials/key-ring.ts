// The process's view of the signing keys: read from the database (so every process of a cluster
// signs with the same current key and trusts the same set), cached for a few seconds, private
// keys opened on first use and held only inside their Signer.
import type { Db } from '../../db/client.ts';
import { signingKeys } from '../../db/schema/index.ts';
import {
  currentSigningKey,
  signingKeyRecord,
  trustedKeyOf,
  unlockSigner,
  type Signer,
  type SigningKeyRecord,
} from '../../credentials/index.ts';
import type { TrustedKey } from '../../verify/index.ts';

export type KeyPurpose = 'display_code' | 'trust_anchor';

export interface StoredKey {
  purpose: KeyPurpose;
  record: SigningKeyRecord;
  /** False for a key imported for verification only. */
  canSign: boolean;
}

export interface KeyRing {
  all(): Promise<StoredKey[]>;
  /** The key that signs `purpose` now; undefined when none (see ensureSigningKeys). */
  signer(purpose: KeyPurpose, now: Date): Promise<Signer | undefined>;
  /** Display-code keys a verifier may trust (the trust list's content). */
  trustedKeys(): Promise<TrustedKey[]>;
  invalidate(): void;
}

export function toStoredKey(row: typeof signingKeys.$inferSelect): StoredKey {
  return {
    purpose: row.purpose,
    canSign: row.encryptedPrivateKey !== null,
    record: signingKeyRecord({
      kid: row.kid,
      alg: row.alg,
      publicJwk: row.publicJwk,
      encryptedPrivateKey: row.encryptedPrivateKey ?? '',
      createdAt: row.createdAt.toISOString(),
      signUntil: row.signUntil?.toISOString() ?? null,
      verifyUntil: row.verifyUntil?.toISOString() ?? null,
    }),
  };
}

export function createKeyRing(db: Db, kek: Uint8Array, ttlMs = 5_000): KeyRing {
  let cached: { at: number; keys: StoredKey[]; trusted: TrustedKey[] } | undefined;
  const signers = new Map<string, Signer>();
  const load = async () => {
    if (cached && Date.now() - cached.at < ttlMs) return cached;
    const keys = (await db.select().from(signingKeys)).map(toStoredKey);
    const trusted = keys.filter((k) => k.purpose === 'display_code').map((k) => trustedKeyOf(k.record));
    cached = { at: Date.now(), keys, trusted };
    return cached;
  };
  return {
    all: async () => (await load()).keys,
    signer: async (purpose, now) => {
      const { keys } = await load();
      const current = currentSigningKey(
        keys.filter((k) => k.purpose === purpose && k.canSign).map((k) => k.record),
        now,
      );
      if (!current) return undefined;
      let signer = signers.get(current.kid);
      if (!signer) {
        signer = unlockSigner(current, kek);
        signers.set(current.kid, signer);
      }
      return signer;
    },
    trustedKeys: async () => (await load()).trusted,
    invalidate: () => {
      cached = undefined;
    },
  };
}
