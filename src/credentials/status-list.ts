// Status lists (draft-ietf-oauth-status-list §4): 2 bits per card, at least 131,072 entries a list
// so that one card's entry hides among many (§12.3 herd privacy), and indices drawn at random
// (§12.5: sequential indices would tell a verifier the order and time cards were issued).
// A plain record the caller persists; the functions below change it in place.
import { randomInt as cryptoRandomInt } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import { STATUS_VALUE, statusAt } from '../verify/status-list.ts';

export const MIN_STATUS_LIST_SIZE = 131_072;
export const STATUS_BITS = 2;

export type ListedStatus = keyof typeof STATUS_VALUE;

export interface StatusListRecord {
  list: number;
  size: number;
  /** size × 2 bits, least significant bits first within each byte (§4.1). */
  statuses: Uint8Array;
  /** One bit per index: set once it has been handed out, never cleared (no reuse). */
  allocated: Uint8Array;
}

export function createStatusList(list: number, size = MIN_STATUS_LIST_SIZE): StatusListRecord {
  if (!Number.isSafeInteger(list) || list < 0) throw new AppError('VALIDATION_FAILED', 'list: whole number');
  if (!Number.isSafeInteger(size) || size < MIN_STATUS_LIST_SIZE || size % 8 !== 0) {
    throw new AppError('VALIDATION_FAILED', `size: a multiple of 8, at least ${MIN_STATUS_LIST_SIZE}`);
  }
  return { list, size, statuses: new Uint8Array(size / 4), allocated: new Uint8Array(size / 8) };
}

const isAllocated = (r: StatusListRecord, i: number) => ((r.allocated[i >> 3]! >> (i & 7)) & 1) === 1;

/**
 * A fresh random index, marked allocated; undefined when the list is full (open a new list).
 * Uniform over the free indices: rejection sampling while the list is sparse, then a draw among
 * the free ones counted (never "next free after a random point", which favours indices after runs).
 */
export function allocateStatusIndex(
  r: StatusListRecord,
  randomInt: (max: number) => number = (max) => cryptoRandomInt(max),
): number | undefined {
  for (let attempt = 0; attempt < 64; attempt++) {
    const i = randomInt(r.size);
    if (!isAllocated(r, i)) return mark(r, i);
  }
  let free = 0;
  for (let i = 0; i < r.size; i++) if (!isAllocated(r, i)) free++;
  if (free === 0) return undefined;
  let k = randomInt(free);
  for (let i = 0; i < r.size; i++) {
    if (!isAllocated(r, i) && k-- === 0) return mark(r, i);
  }
  return undefined;
}

/**
 * Up to `count` fresh random indices at once, marked allocated: a uniform sample without
 * replacement of the free indices (a partial Fisher–Yates shuffle), in random order. Fewer than
 * `count` when the list has fewer free: the caller opens a new list for the rest. One pass over the
 * bitmap however many are drawn, so a batch of a bulk import costs one read and one write of the list.
 */
export function allocateStatusIndices(
  r: StatusListRecord,
  count: number,
  randomInt: (max: number) => number = (max) => cryptoRandomInt(max),
): number[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count: a whole number');
  const free: number[] = [];
  for (let i = 0; i < r.size; i++) if (!isAllocated(r, i)) free.push(i);
  const n = Math.min(count, free.length);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(free.length - i);
    const t = free[i]!;
    free[i] = free[j]!;
    free[j] = t;
    mark(r, free[i]!);
  }
  return free.slice(0, n);
}

function mark(r: StatusListRecord, i: number): number {
  r.allocated[i >> 3]! |= 1 << (i & 7);
  return i;
}

export function setStatus(r: StatusListRecord, index: number, status: ListedStatus): void {
  if (!Number.isInteger(index) || index < 0 || index >= r.size || !isAllocated(r, index)) {
    throw new AppError('VALIDATION_FAILED', 'status list index was never allocated');
  }
  const shift = (index & 3) * STATUS_BITS;
  const byte = index >> 2;
  r.statuses[byte] = (r.statuses[byte]! & ~(0b11 << shift)) | (STATUS_VALUE[status] << shift);
}

export function getStatus(r: StatusListRecord, index: number): ListedStatus | undefined {
  const value = statusAt(r.statuses, STATUS_BITS, index);
  return (Object.keys(STATUS_VALUE) as ListedStatus[]).find((k) => STATUS_VALUE[k] === value);
}
