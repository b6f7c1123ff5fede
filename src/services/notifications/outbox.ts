// The notification outbox (docs/notifications.md). `notify` writes in the caller's transaction,
// once per key: the event and its notification commit together or not at all. `sendPendingSms`
// sends after commit, outside any transaction: it takes rows with a lease (FOR UPDATE SKIP LOCKED,
// then state 'sending' until `leaseUntil`, in batches of ten), so two processes never send the same row; a failed send
// is retried with a growing delay, then given up ('failed'). The SMS is in the language the
// resident last chose (`residents.language`: at login, or from the wallet), Chinese when unknown.
import { and, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Db } from '../../db/client.ts';
import { notifications, residents } from '../../db/schema/index.ts';
import { openPhone } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import { notificationSms, notificationText, type NotificationKind } from '../../i18n/notification-texts.ts';
import type { Language } from '../../i18n/language.ts';
import type { ServiceContext } from '../context.ts';

export const SMS_MAX_ATTEMPTS = 5;
/** Rows taken at once by a sender, and how long it holds them: 10 × a 5 s timeout is well within. */
const BATCH = 10;
const LEASE_MS = 120_000;
/** 1, 2, 4, 8 minutes after the 1st, 2nd, 3rd, 4th failure. */
const retryDelayMs = (attempts: number): number => 60_000 * 2 ** (attempts - 1);

/** A notification's values: a resident's are sealed, a station's alert's are in clear. */
export function openParams(
  cipher: PersonalCipher,
  row: Pick<typeof notifications.$inferSelect, 'params' | 'paramsSealed'>,
): Record<string, string> {
  if (row.paramsSealed) return JSON.parse(cipher.open('notifications.params', row.paramsSealed)) as Params;
  return row.params ?? {};
}
type Params = Record<string, string>;

export interface NewNotification {
  key: string;
  kind: NotificationKind;
  residentId?: string | undefined;
  stationId?: string | undefined;
  params: Record<string, string>;
}

/** Writes a notification unless one with its key exists; returns its id when written. */
export async function notify(
  tx: Db,
  cipher: PersonalCipher,
  n: NewNotification,
  at: Date,
): Promise<string | undefined> {
  let phone: string | null = null;
  let language: Language = 'zh-CN';
  if (n.residentId) {
    const [who] = await tx
      .select({ phone: residents.phoneSealed, language: residents.language })
      .from(residents)
      .where(eq(residents.id, n.residentId));
    phone = openPhone(cipher, who?.phone ?? null);
    language = who?.language ?? 'zh-CN';
  }
  const [row] = await tx
    .insert(notifications)
    .values({
      key: n.key,
      kind: n.kind,
      residentId: n.residentId ?? null,
      stationId: n.stationId ?? null,
      // A resident's values sealed; a station's alert's (ids and dates) in clear, for its list's joins.
      ...(n.residentId
        ? { params: null, paramsSealed: cipher.seal('notifications.params', JSON.stringify(n.params)) }
        : { params: n.params, paramsSealed: null }),
      phoneSealed: phone ? cipher.seal('notifications.phone', phone) : null,
      language,
      // A station's alert, or a person registered at a window without a phone: nothing to text.
      smsState: phone ? 'pending' : 'none',
      nextAttemptAt: phone ? at : null,
      createdAt: at,
    })
    .onConflictDoNothing({ target: notifications.key })
    .returning({ id: notifications.id });
  return row?.id;
}

/**
 * Sends the SMS that are due (or only `ids`, right after the commit that wrote them); returns how
 * many were sent. A send that throws is retried later; after SMS_MAX_ATTEMPTS it is 'failed'.
 */
export async function sendPendingSms(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'sms' | 'personal'>,
  opts: { ids?: readonly string[]; limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  if (opts.ids && opts.ids.length === 0) return total;
  const limit = opts.limit ?? 50;
  // Small batches, each under its own lease: a batch is sent well within its lease even when the
  // gateway takes its full timeout (5 s) for every message, so no row's lease runs out while it is
  // still waiting its turn here (another sender would then take it and send it too).
  for (let done = 0; done < limit;) {
    const batch = await sendBatch(ctx, opts.ids, Math.min(BATCH, limit - done));
    total.sent += batch.sent;
    total.failed += batch.failed;
    done += batch.claimed;
    if (batch.claimed < BATCH) break;
  }
  return total;
}

async function sendBatch(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'sms' | 'personal'>,
  ids: readonly string[] | undefined,
  size: number,
): Promise<{ claimed: number; sent: number; failed: number }> {
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const due = or(
    and(eq(notifications.smsState, 'pending'), lte(notifications.nextAttemptAt, now)),
    // A sender that died mid-send: its lease ran out (the message may have gone: at least once).
    and(eq(notifications.smsState, 'sending'), lte(notifications.leaseUntil, now)),
  );
  const claimed = await ctx.db.transaction(async (tx) => {
    const picked = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(ids ? and(due, inArray(notifications.id, [...ids])) : due)
      .orderBy(notifications.nextAttemptAt)
      .limit(size)
      .for('update', { skipLocked: true });
    if (picked.length === 0) return [];
    return tx
      .update(notifications)
      .set({ smsState: 'sending', leaseUntil, attempts: sql`${notifications.attempts} + 1` })
      .where(
        inArray(
          notifications.id,
          picked.map((p) => p.id),
        ),
      )
      .returning();
  });
  const counts = { claimed: claimed.length, sent: 0, failed: 0 };
  const ours = (id: string) =>
    and(
      eq(notifications.id, id),
      eq(notifications.smsState, 'sending'),
      eq(notifications.leaseUntil, leaseUntil),
    );
  for (const n of claimed) {
    // Past the lease another sender may have taken the row: leave it to that one.
    if (ctx.clock.now() >= leaseUntil) break;
    try {
      // Opened here, after the commit that wrote it and outside any transaction.
      const phone = ctx.personal.openOrNull('notifications.phone', n.phoneSealed);
      if (!phone) throw new Error('no phone');
      const text = notificationSms(n.kind, openParams(ctx.personal, n), n.language);
      await ctx.sms(ctx.db).send(phone, text, now);
      await ctx.db
        .update(notifications)
        .set({ smsState: 'sent', sentAt: ctx.clock.now(), leaseUntil: null, lastError: null })
        .where(ours(n.id));
      counts.sent += 1;
    } catch (e) {
      const giveUp = n.attempts >= SMS_MAX_ATTEMPTS;
      await ctx.db
        .update(notifications)
        .set({
          smsState: giveUp ? 'failed' : 'pending',
          nextAttemptAt: giveUp ? null : new Date(now.getTime() + retryDelayMs(n.attempts)),
          leaseUntil: null,
          lastError: String((e as Error).message ?? e).slice(0, 500),
        })
        .where(ours(n.id));
      counts.failed += 1;
    }
  }
  return counts;
}

/** Sends what a use case just committed; a failure waits for the sender job, never for the caller. */
export async function sendRightAway(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'sms' | 'personal'>,
  ids: readonly (string | undefined)[],
): Promise<void> {
  const written = ids.filter((id): id is string => id !== undefined);
  try {
    await sendPendingSms(ctx, { ids: written });
  } catch {
    // The rows stay 'pending' (or 'sending' until the lease runs out): the job sends them.
  }
}

export interface NotificationView {
  id: string;
  kind: string;
  text: string;
  params: Record<string, string>;
  sms: 'pending' | 'sent' | 'failed' | 'none';
  createdAt: string;
}

/** A resident's notifications, newest first, in the reader's language. */
export async function listResidentNotifications(
  ctx: Pick<ServiceContext, 'db' | 'personal'>,
  residentId: string,
  lang: Language,
  limit = 50,
): Promise<NotificationView[]> {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.residentId, residentId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((n) => {
    const params = openParams(ctx.personal, n);
    return {
      id: n.id,
      kind: n.kind,
      text: notificationText(n.kind, params, lang),
      params,
      sms: n.smsState === 'sending' ? 'pending' : n.smsState,
      createdAt: n.createdAt.toISOString(),
    };
  });
}

/** PUT /me/language: the language the resident's messages are in from now on. */
export async function setResidentLanguage(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  residentId: string,
  language: Language,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const changed = await tx
      .update(residents)
      .set({ language })
      .where(
        and(eq(residents.id, residentId), or(isNull(residents.language), ne(residents.language, language))),
      )
      .returning({ id: residents.id });
    if (changed.length === 0) return; // already so: nothing written, nothing to audit
    await recordAudit(tx, {
      at: now,
      actorKind: 'resident',
      actorId: residentId,
      channel: 'online',
      action: 'resident.language_set',
      subjectKind: 'resident',
      subjectId: residentId,
      details: { language },
    });
  });
}
