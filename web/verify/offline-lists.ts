// Offline mode (DESIGN §1, §5): the page keeps the trust anchor, the signed trust list and every
// status list in IndexedDB and checks codes with the offline library (src/verify, bundled here)
// when the network is gone. The signed lists are kept as the server sent them and verified at each
// use against the pinned anchor, so a copy altered in storage cannot make a code valid, and a list
// past its ttl gives `status_unknown`, never `valid` (isStale in src/verify/status-list.ts).
// The anchor is pinned on the first download (trust on first use): a device that first saw a
// forged anchor would trust forged lists; the city's printed anchor fingerprint guards that step.
import type { Static } from 'typebox';
import {
  verifyDisplayCode,
  verifyStatusList,
  verifyTrustList,
  type StatusListSnapshot,
  type TrustAnchor,
  type VerificationOutcome,
} from '../../src/verify/index.ts';
import type { StatusListIndex, TrustAnchorAnswer } from '../../src/http/schemas/verify.ts';
import { get } from '../shared/api.ts';
import { readKept, keep } from './kept-store.ts';

/** Clock difference the offline check tolerates between this device and the issuer. */
const SKEW_SECONDS = 30;

export interface KeptLists {
  anchor: TrustAnchor;
  trustList: Uint8Array;
  statusLists: Uint8Array[];
  /** When this device downloaded them (ms since the epoch, the device's clock). */
  fetchedAt: number;
}

async function bytes(path: string): Promise<Uint8Array> {
  // no-cache: revalidate (ETag) so a revocation is never hidden by the HTTP cache's copy
  const res = await fetch(`/api/v1${path}`, { credentials: 'omit', cache: 'no-cache' });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Downloads the lists and keeps them; the anchor already kept stays (pinned). */
export async function refreshLists(): Promise<KeptLists> {
  const kept = await readKept<KeptLists>('lists');
  const anchor =
    kept?.anchor ?? ((await get<Static<typeof TrustAnchorAnswer>>('/trust-anchor')) as TrustAnchor);
  const trustList = await bytes('/trust-list');
  const index = await get<Static<typeof StatusListIndex>>('/status-lists');
  const statusLists = await Promise.all(index.map((l) => bytes(`/status-lists/${l.list}`)));
  const lists: KeptLists = { anchor, trustList, statusLists, fetchedAt: Date.now() };
  await keep('lists', lists);
  return lists;
}

export const keptLists = () => readKept<KeptLists>('lists');

/** Checks a code against the kept lists at `now` (the device's clock). Never throws. */
export async function verifyOffline(
  code: string,
  lists: KeptLists | undefined,
  challenge: string | undefined,
  now = new Date(),
): Promise<VerificationOutcome> {
  if (!lists) return { result: 'status_unknown' };
  const options = { now, skewSeconds: SKEW_SECONDS };
  const trust = await verifyTrustList(lists.trustList, [lists.anchor], options);
  // A trust list that no longer verifies (expired, altered) vouches for nothing we can rely on.
  if (!trust.ok) return { result: 'status_unknown' };
  const snapshots = new Map<number, StatusListSnapshot>();
  for (const token of lists.statusLists) {
    const s = await verifyStatusList(token, trust.trustList, options);
    if (s.ok) snapshots.set(s.snapshot.list, s.snapshot);
  }
  return verifyDisplayCode(code, {
    trustList: trust.trustList,
    statusLists: (n) => snapshots.get(n),
    ...options,
    ...(challenge ? { challenge } : {}),
  });
}
