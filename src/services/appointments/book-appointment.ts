// POST /appointments (R3): a resident books a slot at a station's window. Never more bookings than
// the slot's capacity, kept by the database: the slot's counter row is taken with a conditional
// UPDATE (… set booked = booked + 1 where booked < capacity), which PostgreSQL re-checks on the
// newest row version after waiting for a concurrent booking's lock (READ COMMITTED), so two
// bookings of the last place cannot both succeed; a CHECK (booked <= capacity) backs it. One active
// booking per resident and purpose is a partial unique index. The confirmation is written to the
// notification outbox in the booking's transaction and its SMS sent after commit, so no connection
// waits on the gateway and a failed send is retried by the sender job.
import { and, eq, lt, sql } from 'drizzle-orm';
import { slotAt } from '../../domain/appointments/schedule.ts';
import { AppError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { appointmentSlots, appointments, stations } from '../../db/schema/index.ts';
import { notify, sendRightAway } from '../notifications/outbox.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';
import { auditedAs, type ResidentActor } from '../actor.ts';
import { stationSchedule } from './station-schedule.ts';
import { appointmentView, type AppointmentView } from './appointment-view.ts';
import { beijingWallTime } from './wall-time.ts';
import { FieldError } from '../../domain/validation-problem.ts';

export type AppointmentPurpose = 'application' | 'replacement';

export async function bookAppointment(
  ctx: ServiceContext,
  actor: ResidentActor,
  input: { stationId: string; start: string; purpose: AppointmentPurpose },
): Promise<AppointmentView> {
  const residentId = actor.id;
  const now = ctx.clock.now();
  const schedule = await stationSchedule(ctx.db, input.stationId);
  const start = new Date(input.start);
  if (Number.isNaN(start.getTime())) {
    throw new FieldError({ field: 'start', keyword: 'format', format: 'date-time' });
  }
  const calendar = await ctx.calendar();
  const slot = slotAt(start, schedule, now, (d) => calendar.isWorkingDay(d));
  if (typeof slot === 'string') {
    throw new AppError('SLOT_UNAVAILABLE', slot, { detail: slot }, { reason: slot });
  }
  const booked = await ctx.db.transaction(async (tx) => {
    await tx
      .insert(appointmentSlots)
      .values({
        stationId: input.stationId,
        startsAt: slot.start,
        endsAt: slot.end,
        capacity: schedule.capacity,
      })
      .onConflictDoNothing();
    const [taken] = await tx
      .update(appointmentSlots)
      .set({ booked: sql`${appointmentSlots.booked} + 1` })
      .where(
        and(
          eq(appointmentSlots.stationId, input.stationId),
          eq(appointmentSlots.startsAt, slot.start),
          lt(appointmentSlots.booked, appointmentSlots.capacity),
        ),
      )
      .returning({ id: appointmentSlots.id });
    if (!taken) throw new AppError('SLOT_FULL');
    let row: typeof appointments.$inferSelect | undefined;
    try {
      [row] = await tx
        .insert(appointments)
        .values({
          residentId,
          slotId: taken.id,
          stationId: input.stationId,
          startsAt: slot.start,
          purpose: input.purpose,
          status: 'booked',
          createdAt: now,
        })
        .returning();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('ALREADY_BOOKED');
      throw e;
    }
    if (!row) throw new AppError('INTERNAL', 'appointment insert returned no row');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'appointment.booked',
      subjectKind: 'appointment',
      subjectId: row.id,
      stationId: input.stationId,
      details: { purpose: input.purpose, startsAt: slot.start.toISOString() },
    });
    const [station] = await tx
      .select({ name: stations.name, address: stations.address })
      .from(stations)
      .where(eq(stations.id, input.stationId));
    const notificationId = await notify(
      tx,
      ctx.personal,
      {
        key: `appointment_booked:${row.id}`,
        kind: 'appointment_booked',
        residentId,
        params: {
          appointmentId: row.id,
          when: beijingWallTime(slot.start),
          station: station?.name ?? input.stationId,
          address: station?.address ?? '',
        },
      },
      now,
    );
    return { row, notificationId };
  });
  await sendRightAway(ctx, [booked.notificationId]);
  return appointmentView(booked.row, schedule.cancelCutoffMinutes, now);
}
