// What the repositories use to seal, open and index personal data: the data key and the index key,
// unwrapped once at start-up (src/services/personal-data/load-data-keys.ts) and then held in memory
// for the life of the process. They never change (there is no rotation yet; a new key would take
// a new key id, and the sealed values say which key sealed them), so no process needs to hear of
// another's keys.
import { blindIndexer, type BlindIndexer, type IndexPurpose } from './blind-index.ts';
import { openField, sealField, sealedKeyId, FieldOpenError, type SealedColumn } from './field-cipher.ts';
import { digestKey, keyedDigest, type DigestPurpose } from './keyed-digest.ts';

export interface DataKeys {
  /** AES-256 key sealing the fields, and its id (the first byte of every sealed value). */
  field: { id: number; key: Uint8Array };
  /** HMAC-SHA-256 key of the blind indexes. */
  index: Uint8Array;
}

export interface PersonalCipher {
  seal(column: SealedColumn, value: string): Uint8Array;
  open(column: SealedColumn, sealed: Uint8Array): string;
  /** `open` of a nullable column. */
  openOrNull(column: SealedColumn, sealed: Uint8Array | null): string | null;
  /**
   * `seal` and `open` of bytes (an uploaded file). `column` may name the row as well
   * (`blobs.content:<material id>`), so a file cannot be moved to another row.
   */
  sealBytes(column: SealedColumn, bytes: Uint8Array): Uint8Array;
  openBytes(column: SealedColumn, sealed: Uint8Array): Buffer;
  index(purpose: IndexPurpose, value: string): Uint8Array;
  /** `index` as hex, for text columns that only need equality (otp_codes, identity_binding_codes). */
  indexHex(purpose: IndexPurpose, value: string): string;
  /**
   * HMAC-SHA-256 of `message` under the purpose's key, derived from the index key
   * (src/crypto/keyed-digest.ts): for values only compared, never looked up by a person's data.
   */
  digest(purpose: DigestPurpose, message: string | Uint8Array): Buffer;
  /** Whether the keys are in memory yet (they are loaded once, at start-up). */
  readonly loaded: boolean;
  /** Called once by whoever loads the keys. */
  use(keys: DataKeys): void;
}

export function createPersonalCipher(): PersonalCipher {
  let keys: DataKeys | undefined;
  let indexer: BlindIndexer | undefined;
  /** Each purpose's key, derived on first use. */
  const digestKeys = new Map<DigestPurpose, Buffer>();
  const need = (): DataKeys => {
    // A programming error, not a user's: every process loads the keys before serving.
    if (!keys) throw new Error('personal data keys are not loaded (call loadDataKeys at start-up)');
    return keys;
  };
  const needIndexer = () => {
    need();
    if (!indexer) throw new Error('personal data keys are not loaded (call loadDataKeys at start-up)');
    return indexer;
  };
  const openBytes = (column: SealedColumn, sealed: Uint8Array): Buffer => {
    const { field } = need();
    if (sealedKeyId(sealed) !== field.id)
      throw new FieldOpenError(`sealed field of ${column}: unknown key id`);
    return openField(field.key, column, sealed);
  };
  const sealBytes = (column: SealedColumn, bytes: Uint8Array): Uint8Array => {
    const { field } = need();
    return sealField(field.key, field.id, column, bytes);
  };
  const open = (column: SealedColumn, sealed: Uint8Array): string =>
    openBytes(column, sealed).toString('utf8');
  return {
    seal: (column, value) => sealBytes(column, Buffer.from(value, 'utf8')),
    open,
    openOrNull: (column, sealed) => (sealed === null ? null : open(column, sealed)),
    sealBytes,
    openBytes,
    index: (purpose, value) => needIndexer().bytes(purpose, value),
    indexHex: (purpose, value) => needIndexer().hex(purpose, value),
    digest: (purpose, message) => {
      let key = digestKeys.get(purpose);
      if (!key) {
        key = digestKey(need().index, purpose);
        digestKeys.set(purpose, key);
      }
      return keyedDigest(key, message);
    },
    get loaded() {
      return keys !== undefined;
    },
    use: (k) => {
      keys = k;
      indexer = blindIndexer(k.index);
      digestKeys.clear();
    },
  };
}
