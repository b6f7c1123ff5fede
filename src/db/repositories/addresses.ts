// Addresses at rest (issue 9): the free-text part of an address (road, building, room) of an
// application, a card and a visit is sealed per field (AES-256-GCM, src/crypto), bound to its
// column, so a dump holds none in clear. The district and street codes stay in clear: the queues
// filter on them, and they name an area of thousands of people, not a home. Nothing filters or
// sorts on the detail (a ciphertext could not be), so sealing it took no ability away.
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

export type AddressTable = 'applications' | 'cards' | 'visits';

export function sealAddress(
  cipher: PersonalCipher,
  table: AddressTable,
  detail: string,
): { addressDetailSealed: Uint8Array } {
  return { addressDetailSealed: cipher.seal(`${table}.address_detail`, detail) };
}

export function openAddress(
  cipher: PersonalCipher,
  table: AddressTable,
  row: { addressDetailSealed: Uint8Array | null },
): string {
  // Start-up seals every row of an older release before anything serves (seal-plain-addresses.ts).
  if (!row.addressDetailSealed) throw new Error(`${table}.address_detail is not sealed yet`);
  return cipher.open(`${table}.address_detail`, row.addressDetailSealed);
}
