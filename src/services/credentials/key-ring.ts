// The process's view of the signing keys: read from the database (so every process of a cluster
// signs with the same current key and trusts the same set), cached until a key change is
// announced (rotation on any process, src/services/changes) and at most `ttlMs`, private keys
// opened on first use and held only inside their Signer.
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
import type { ChangeBus } from '../changes/change-bus.ts';

export type KeyPurpose = 'display_code' | 'trust_anchor';

export interface StoredKey {
  purpose: KeyPurpose;
  record: SigningKeyRecord;
  /** False for a key imported for verification only. */
  canSign: boolean;
}

export interface KeyRing {
  all(): Promise<StoredKey[]>;
  /**
   * The key that signs `purpose` now (the newest whose signing window is open), undefined when
   * none (see ensureSigningKeys). The trust anchor published is chosen by this same rule, so it
   * is always the key that signs the trust list.
   */
  current(purpose: KeyPurpose, now: Date): Promise<StoredKey | undefined>;
  signer(purpose: KeyPurpose, now: Date): Promise<Signer | undefined>;
  /** Display-code keys a verifier may trust (the trust list's content). */
  trustedKeys(): Promise<TrustedKey[]>;
  /**
   * A code names a key this process does not know: read the keys again, in case another process
   * has just rotated and its announcement is still on the way. At most once per
   * UNKNOWN_KID_RELOAD_MS, so codes with invented key ids cannot make every request a key read.
   * True when the keys were read again.
   */
  reloadForUnknownKey(): boolean;
}

export const UNKNOWN_KID_RELOAD_MS = 100;

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

export function createKeyRing(db: Db, kek: Uint8Array, changes: ChangeBus, ttlMs: number): KeyRing {
  let cached: { at: number; keys: StoredKey[]; trusted: TrustedKey[] } | undefined;
  let lastUnknownReload = 0;
  const signers = new Map<string, Signer>();
  const load = async () => {
    if (cached && Date.now() - cached.at < changes.ttl(ttlMs)) return cached;
    const at = Date.now();
    const read = epoch;
    const keys = (await db.select().from(signingKeys)).map(toStoredKey);
    const trusted = keys.filter((k) => k.purpose === 'display_code').map((k) => trustedKeyOf(k.record));
    const loaded = { at, keys, trusted };
    // A change announced while reading may not be in what was read: use it, do not keep it.
    if (read === epoch) cached = loaded;
    return loaded;
  };
  let epoch = 0;
  const invalidate = () => {
    cached = undefined;
    epoch++;
  };
  changes.subscribe((heard) => {
    if (heard.kind === 'signing_keys' || heard.kind === 'missed') invalidate();
  });
  const current = async (purpose: KeyPurpose, now: Date) => {
    const { keys } = await load();
    const candidates = keys.filter((k) => k.purpose === purpose && k.canSign);
    const record = currentSigningKey(
      candidates.map((k) => k.record),
      now,
    );
    return candidates.find((k) => k.record === record);
  };
  return {
    all: async () => (await load()).keys,
    current,
    signer: async (purpose, now) => {
      const key = (await current(purpose, now))?.record;
      if (!key) return undefined;
      let signer = signers.get(key.kid);
      if (!signer) {
        signer = unlockSigner(key, kek);
        signers.set(key.kid, signer);
      }
      return signer;
    },
    trustedKeys: async () => (await load()).trusted,
    reloadForUnknownKey: () => {
      if (Date.now() - lastUnknownReload < UNKNOWN_KID_RELOAD_MS) return false;
      lastUnknownReload = Date.now();
      invalidate();
      return true;
    },
  };
}
