// How a process's caches learn of changes: those it commits itself, at once after the commit, and
// those other processes commit, through PostgreSQL NOTIFY (src/db/change-channel.ts). Writers
// announce in one place (writeAndAnnounce); each cache subscribes to what concerns it.
//
// The bound: another process's change is felt within the NOTIFY latency (milliseconds). While
// this process is not listening (the listening connection is down, or not yet up), it may be
// missing announcements: every cache then keeps entries at most FALLBACK_TTL_MS, and everything
// cached is dropped when the connection is lost and again when it is back.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { ChannelHandlers } from '../../db/change-channel.ts';

export type Change =
  /** A signing key created, rotated or imported. */
  | { kind: 'signing_keys' }
  /** A card revoked, superseded or endorsed; statusList null: any list may have changed. */
  | { kind: 'card'; id: string; statusList: number | null }
  /** One session ended (its token's SHA-256, as stored). */
  | { kind: 'session'; tokenHash: string }
  /** Every session of a person or staff member ended or changed hands. */
  | { kind: 'sessions_of'; subjectId: string }
  /** A calendar override or year changed. */
  | { kind: 'calendar' };

/** What a subscriber hears: a change, or that changes may have been missed (drop everything). */
export type Heard = Change | { kind: 'missed' };

export const FALLBACK_TTL_MS = 1_000;

export interface ChangeBus {
  /** False while announcements of other processes may be missed. */
  listening(): boolean;
  /** A cache's lifetime now: as given while listening, at most FALLBACK_TTL_MS otherwise. */
  ttl(ms: number): number;
  subscribe(listener: (heard: Heard) => void): void;
  /** Inside the writing transaction: other processes hear of it when (and only if) it commits. */
  publish(tx: Db, changes: readonly Change[]): Promise<void>;
  /** After the commit: this process's caches. */
  deliver(changes: readonly Change[]): void;
  close(): Promise<void>;
}

export interface ChangeBusOptions {
  /** How to tell other processes inside a transaction (PostgreSQL NOTIFY); none: one process. */
  notify?: (tx: Db, payload: string) => Promise<void>;
  /** How to hear other processes; none: nothing to hear (PGlite, or a one-shot CLI command). */
  listen?: (handlers: ChannelHandlers) => { close(): Promise<void> };
}

export function createChangeBus(opts: ChangeBusOptions = {}): ChangeBus {
  // Our own announcements come back through the channel too; they were delivered at commit.
  const origin = randomUUID();
  const subscribers: ((heard: Heard) => void)[] = [];
  const emit = (heard: Heard) => {
    for (const s of subscribers) s(heard);
  };
  let up = opts.listen === undefined;
  const channel = opts.listen?.({
    message: (payload) => {
      const heard = parseAnnouncement(payload, origin);
      if (heard) emit(heard);
    },
    listening: (now) => {
      up = now;
      emit({ kind: 'missed' });
    },
  });
  return {
    listening: () => up,
    ttl: (ms) => (up ? ms : Math.min(ms, FALLBACK_TTL_MS)),
    subscribe: (listener) => subscribers.push(listener),
    publish: async (tx, changes) => {
      if (!opts.notify) return;
      for (const c of dedupe(changes)) await opts.notify(tx, JSON.stringify({ o: origin, c }));
    },
    deliver: (changes) => dedupe(changes).forEach(emit),
    close: async () => channel?.close(),
  };
}

function dedupe(changes: readonly Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** A payload from the channel, checked field by field (anyone who may NOTIFY can send one). */
export function parseAnnouncement(payload: string, ownOrigin: string): Change | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { o, c } = parsed as { o?: unknown; c?: Record<string, unknown> };
  if (o === ownOrigin || typeof c !== 'object' || c === null) return undefined;
  switch (c.kind) {
    case 'signing_keys':
    case 'calendar':
      return { kind: c.kind };
    case 'card':
      if (!isString(c.id)) return undefined;
      if (c.statusList !== null && !Number.isSafeInteger(c.statusList)) return undefined;
      return { kind: 'card', id: c.id, statusList: c.statusList as number | null };
    case 'session':
      return isString(c.tokenHash) ? { kind: 'session', tokenHash: c.tokenHash } : undefined;
    case 'sessions_of':
      return isString(c.subjectId) ? { kind: 'sessions_of', subjectId: c.subjectId } : undefined;
    default:
      return undefined;
  }
}
