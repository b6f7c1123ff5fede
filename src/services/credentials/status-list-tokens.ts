// Signed Token Status Lists, served at GET /api/v1/status-lists/{n}. The statuses are derived from
// the cards on the day the list is signed (the cards table is the one truth, and a lapsed
// endorsement suspends a permit without any event), then cached until a change to a card of the
// list is announced (by any process, src/services/changes) or the cache's time runs out.
import { asc, eq } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { effectiveStatus } from '../../domain/cards/index.ts';
import { AppError } from '../../domain/errors.ts';
import { setStatus, signStatusList, type ListedStatus } from '../../credentials/index.ts';
import { cards, statusLists } from '../../db/schema/index.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import type { ServiceContext } from '../context.ts';
import type { ChangeBus } from '../changes/change-bus.ts';

export interface SignedStatusList {
  token: Uint8Array;
  issuedAt: Date;
}

export function statusListUri(ctx: ServiceContext, list: number): string {
  return `${ctx.credentials.publicUrl}/api/v1/status-lists/${list}`;
}

export function statusListCache(ttlMs: number, changes: ChangeBus) {
  const cache = new Map<number, SignedStatusList>();
  changes.subscribe((heard) => {
    if (heard.kind === 'missed' || (heard.kind === 'card' && heard.statusList === null)) cache.clear();
    else if (heard.kind === 'card' && heard.statusList !== null) cache.delete(heard.statusList);
  });
  return {
    get: (list: number, now: Date) => {
      const hit = cache.get(list);
      return hit && now.getTime() - hit.issuedAt.getTime() < changes.ttl(ttlMs) ? hit : undefined;
    },
    set: (list: number, value: SignedStatusList) => cache.set(list, value),
  };
}

export async function signedStatusList(ctx: ServiceContext, list: number): Promise<SignedStatusList> {
  const now = ctx.clock.now();
  const hit = ctx.statusListCache.get(list, now);
  if (hit) return hit;
  const [row] = await ctx.db.select().from(statusLists).where(eq(statusLists.list, list));
  if (!row) throw new AppError('NOT_FOUND');
  const record = {
    list,
    size: row.size,
    statuses: new Uint8Array(row.size / 4),
    allocated: new Uint8Array(row.allocated),
  };
  const today = beijingDate(now);
  const members = await ctx.db.select().from(cards).where(eq(cards.statusList, list));
  for (const card of members) {
    if (card.statusIndex === null) continue;
    const status = effectiveStatus(toDomainCard(card), today, ctx.policy);
    const listed: ListedStatus =
      status === 'revoked'
        ? 'revoked'
        : status === 'superseded'
          ? 'superseded'
          : status === 'suspended'
            ? 'suspended'
            : 'valid';
    if (listed !== 'valid') setStatus(record, card.statusIndex, listed);
  }
  const signer = await ctx.keys.signer('display_code', now);
  if (!signer) throw new AppError('INTERNAL', 'no signing key');
  const token = signStatusList(record, signer, {
    uri: statusListUri(ctx, list),
    now,
    ttlSeconds: ctx.credentials.statusListTtlSeconds,
    validitySeconds: ctx.credentials.statusListValiditySeconds,
  });
  const signed = { token, issuedAt: now };
  ctx.statusListCache.set(list, signed);
  return signed;
}

/** The lists an offline verifier should cache: every list in use, with its address. */
export async function listStatusLists(
  ctx: ServiceContext,
): Promise<{ list: number; size: number; uri: string }[]> {
  const rows = await ctx.db
    .select({ list: statusLists.list, size: statusLists.size })
    .from(statusLists)
    .orderBy(asc(statusLists.list));
  return rows.map((r) => ({ ...r, uri: statusListUri(ctx, r.list) }));
}
