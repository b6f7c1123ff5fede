// The platform's scheduled jobs (docs/jobs.md). Each one reads the state as it is now and writes
// notifications with keys that make a second run (or a second process) a no-op.
import { and, between, eq, gte, inArray, isNotNull, lt, lte } from 'drizzle-orm';
import { addDays, addMonths, beijingDate, startOfBeijingDate } from '../../domain/beijing-date.ts';
import { overdueStatuses } from '../../domain/applications/application.ts';
import { effectiveStatus } from '../../domain/cards/effective-status.ts';
import { endorsementWindow } from '../../domain/cards/endorsement-window.ts';
import { applications, appointments, cards, jobRuns, stations } from '../../db/schema/index.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import type { ServiceContext } from '../context.ts';
import { purgeExpiredOtpCodes } from '../auth/purge-expired-otp-codes.ts';
import { purgeExpiredMaterials } from '../applications/purge-expired-materials.ts';
import { purgeIdempotencyKeys } from '../idempotency/idempotency-keys.ts';
import { notify, sendPendingSms } from '../notifications/outbox.ts';
import { beijingWallTime } from '../appointments/wall-time.ts';
import { overdueVisitAlerts } from '../visits/overdue-visit-alerts.ts';
import type { JobDefinition } from './runner.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Notices about a card's status are sent while the change is this recent, not for old history. */
const NOTICE_DAYS = 30;

/** Permits whose endorsement window closes within a month and are not endorsed yet. */
export async function endorsementReminders(ctx: ServiceContext): Promise<{ notified: number }> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const policy = ctx.policy;
  const rows = await ctx.db
    .select()
    .from(cards)
    .where(
      and(
        eq(cards.kind, 'residence_permit'),
        eq(cards.storedStatus, 'active'),
        isNotNull(cards.endorsementDueOn),
        between(
          cards.endorsementDueOn,
          addMonths(today, -policy.endorsementClosesMonthsAfter),
          addMonths(today, 1 - policy.endorsementClosesMonthsAfter),
        ),
      ),
    );
  let notified = 0;
  for (const row of rows) {
    const card = toDomainCard(row);
    const window = endorsementWindow(card, policy);
    if (!window || effectiveStatus(card, today, policy) !== 'valid') continue;
    if (today < addMonths(window.closesOn, -1) || today > window.closesOn) continue;
    const written = await notify(
      ctx.db,
      ctx.personal,
      {
        key: `endorsement_due:${row.id}:${window.dueOn}`,
        kind: 'endorsement_due',
        residentId: row.holderId,
        params: { cardId: row.id, number: row.number, closesOn: window.closesOn },
      },
      now,
    );
    if (written) notified += 1;
  }
  return { notified };
}

/** Cards suspended (endorsement missed) or expired within the last NOTICE_DAYS days. */
export async function cardStatusNotices(
  ctx: ServiceContext,
): Promise<{ suspended: number; expired: number }> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const since = addDays(today, -NOTICE_DAYS);
  const policy = ctx.policy;
  const counts = { suspended: 0, expired: 0 };
  const expired = await ctx.db
    .select()
    .from(cards)
    .where(and(eq(cards.storedStatus, 'active'), gte(cards.validUntil, since), lt(cards.validUntil, today)));
  for (const row of expired) {
    const written = await notify(
      ctx.db,
      ctx.personal,
      {
        key: `card_expired:${row.id}:${row.validUntil}`,
        kind: 'card_expired',
        residentId: row.holderId,
        params: { cardId: row.id, number: row.number, validUntil: row.validUntil ?? '' },
      },
      now,
    );
    if (written) counts.expired += 1;
  }
  const lapsed = await ctx.db
    .select()
    .from(cards)
    .where(
      and(
        eq(cards.kind, 'residence_permit'),
        eq(cards.storedStatus, 'active'),
        between(
          cards.endorsementDueOn,
          addMonths(since, -policy.endorsementClosesMonthsAfter),
          addMonths(today, -policy.endorsementClosesMonthsAfter),
        ),
      ),
    );
  for (const row of lapsed) {
    const card = toDomainCard(row);
    const window = endorsementWindow(card, policy);
    if (!window || effectiveStatus(card, today, policy) !== 'suspended' || window.closesOn < since) continue;
    const written = await notify(
      ctx.db,
      ctx.personal,
      {
        key: `card_suspended:${row.id}:${window.dueOn}`,
        kind: 'card_suspended',
        residentId: row.holderId,
        params: { cardId: row.id, number: row.number },
      },
      now,
    );
    if (written) counts.suspended += 1;
  }
  return counts;
}

/** Applications past their due date with the clock running: one alert per application and due date. */
export async function overdueReviewAlerts(ctx: ServiceContext): Promise<{ alerted: number }> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const rows = await ctx.db
    .select({ id: applications.id, stationId: applications.stationId, dueBy: applications.dueBy })
    .from(applications)
    .where(and(inArray(applications.status, [...overdueStatuses]), lt(applications.dueBy, today)))
    .limit(5000);
  let alerted = 0;
  for (const row of rows) {
    const written = await notify(
      ctx.db,
      ctx.personal,
      {
        key: `review_overdue:${row.id}:${row.dueBy}`,
        kind: 'review_overdue',
        stationId: row.stationId,
        params: { applicationId: row.id, dueBy: row.dueBy },
      },
      now,
    );
    if (written) alerted += 1;
  }
  return { alerted };
}

/** Appointments booked for tomorrow (Beijing date): one reminder each. */
export async function appointmentReminders(ctx: ServiceContext): Promise<{ reminded: number }> {
  const now = ctx.clock.now();
  const tomorrow = addDays(beijingDate(now), 1);
  const rows = await ctx.db
    .select({
      id: appointments.id,
      residentId: appointments.residentId,
      startsAt: appointments.startsAt,
      station: stations.name,
      address: stations.address,
    })
    .from(appointments)
    .innerJoin(stations, eq(stations.id, appointments.stationId))
    .where(
      and(
        eq(appointments.status, 'booked'),
        gte(appointments.startsAt, startOfBeijingDate(tomorrow)),
        lt(appointments.startsAt, startOfBeijingDate(addDays(tomorrow, 1))),
      ),
    );
  let reminded = 0;
  for (const row of rows) {
    const written = await notify(
      ctx.db,
      ctx.personal,
      {
        key: `appointment_reminder:${row.id}`,
        kind: 'appointment_reminder',
        residentId: row.residentId,
        params: {
          appointmentId: row.id,
          when: beijingWallTime(row.startsAt),
          station: row.station,
          address: row.address,
        },
      },
      now,
    );
    if (written) reminded += 1;
  }
  return { reminded };
}

/** Finished runs are kept two weeks for the operator to look at, then removed. */
async function purgeOldJobRuns(ctx: ServiceContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - 14 * DAY);
  const gone = await ctx.db
    .delete(jobRuns)
    .where(and(inArray(jobRuns.state, ['done', 'failed']), lte(jobRuns.finishedAt, before)))
    .returning({ name: jobRuns.name });
  return gone.length;
}

export const platformJobs: readonly JobDefinition[] = [
  {
    name: 'sms-send',
    cron: '* * * * *',
    catchUpMs: 5 * 60_000,
    run: async (ctx) => ({ ...(await sendPendingSms(ctx, { limit: 500 })) }),
  },
  {
    name: 'endorsement-reminders',
    cron: '0 9 * * *',
    catchUpMs: 12 * HOUR,
    run: async (ctx) => ({ ...(await endorsementReminders(ctx)) }),
  },
  {
    name: 'card-status-notices',
    cron: '5 9 * * *',
    catchUpMs: 12 * HOUR,
    run: async (ctx) => ({ ...(await cardStatusNotices(ctx)) }),
  },
  {
    name: 'overdue-review-alerts',
    cron: '0 8 * * *',
    catchUpMs: 12 * HOUR,
    run: async (ctx) => ({ ...(await overdueReviewAlerts(ctx)) }),
  },
  {
    name: 'overdue-visit-alerts',
    cron: '5 8 * * *',
    catchUpMs: 12 * HOUR,
    run: async (ctx) => ({ ...(await overdueVisitAlerts(ctx)) }),
  },
  {
    name: 'appointment-reminders',
    // Hourly in the day: a booking made in the afternoon for tomorrow is reminded too (once).
    cron: '0 9-20 * * *',
    catchUpMs: HOUR,
    run: async (ctx) => ({ ...(await appointmentReminders(ctx)) }),
  },
  {
    name: 'otp-purge',
    cron: '17 * * * *',
    catchUpMs: HOUR,
    run: async (ctx) => ({ deleted: await purgeExpiredOtpCodes(ctx) }),
  },
  {
    name: 'materials-purge',
    cron: '0 3 * * *',
    catchUpMs: DAY,
    run: async (ctx) => ({ purged: await purgeExpiredMaterials(ctx) }),
  },
  {
    name: 'idempotency-keys-purge',
    cron: '47 * * * *',
    catchUpMs: HOUR,
    run: async (ctx) => ({ deleted: await purgeIdempotencyKeys(ctx) }),
  },
  {
    name: 'job-runs-purge',
    cron: '30 3 * * *',
    catchUpMs: DAY,
    run: async (ctx) => ({ deleted: await purgeOldJobRuns(ctx) }),
  },
];
