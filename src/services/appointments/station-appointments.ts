// The window's side (DESIGN §4: appointment check-in is the clerk's, at their own station): the
// day's bookings, check-in when the person arrives, no-show once the slot has begun without them.
// Another station's appointment is NOT_FOUND, so its existence does not leak. The route checks the
// clerk (clerkActor); these trust the station the actor names.
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { addDays, beijingDate, isIsoDate, startOfBeijingDate } from '../../domain/beijing-date.ts';
import { AppError } from '../../domain/errors.ts';
import { maskIdNumber } from '../../domain/identity/mask-id-number.ts';
import { maskName } from '../../domain/identity/person-name.ts';
import { appointments, residents } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { openIdNumber, openName } from '../../db/repositories/residents.ts';
import type { ServiceContext } from '../context.ts';
import { auditedAs, type StationActor } from '../actor.ts';
import { appointmentView, type AppointmentView } from './appointment-view.ts';
import { stationSchedule } from './station-schedule.ts';
import { FieldError } from '../../domain/validation-problem.ts';

export async function stationAppointments(
  ctx: ServiceContext,
  actor: StationActor,
  date: string | undefined,
): Promise<(AppointmentView & { residentId: string; resident: { name: string; idNumber: string } })[]> {
  const { stationId } = actor;
  const day = date ?? beijingDate(ctx.clock.now());
  if (!isIsoDate(day)) {
    throw new FieldError({ field: 'date', keyword: 'format', format: 'date' });
  }
  const { cancelCutoffMinutes } = await stationSchedule(ctx.db, stationId);
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ appointment: appointments, name: residents.nameSealed, idNumber: residents.idNumberSealed })
    .from(appointments)
    .innerJoin(residents, eq(residents.id, appointments.residentId))
    .where(
      and(
        eq(appointments.stationId, stationId),
        gte(appointments.startsAt, startOfBeijingDate(day)),
        lt(appointments.startsAt, startOfBeijingDate(addDays(day, 1))),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  // Masked as the queue at the window may see the screen; the ID card in hand is compared with
  // the number's first and last four characters.
  return rows.map((r) => {
    const name = openName(ctx.personal, r.name);
    const idNumber = openIdNumber(ctx.personal, r.idNumber);
    return {
      ...appointmentView(r.appointment, cancelCutoffMinutes, now),
      residentId: r.appointment.residentId,
      resident: { name: name ? maskName(name) : '', idNumber: idNumber ? maskIdNumber(idNumber) : '' },
    };
  });
}

/** Check-in on the day of the appointment; no-show only once its slot has begun. */
export async function closeAppointment(
  ctx: ServiceContext,
  actor: StationActor,
  id: string,
  outcome: 'checked_in' | 'no_show',
): Promise<AppointmentView> {
  const { id: staffId, stationId } = actor;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
    if (!row || row.stationId !== stationId) throw new AppError('NOT_FOUND');
    if (row.status !== 'booked') {
      throw new AppError('INVALID_TRANSITION', row.status, { state: row.status }, { state: row.status });
    }
    const early =
      outcome === 'checked_in'
        ? beijingDate(now) !== beijingDate(row.startsAt)
        : now.getTime() < row.startsAt.getTime();
    if (early) throw new AppError('INVALID_TRANSITION', 'not yet', { state: 'booked' }, { state: 'booked' });
    const [closed] = await tx
      .update(appointments)
      .set({ status: outcome, closedAt: now, closedBy: staffId })
      .where(eq(appointments.id, id))
      .returning();
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: outcome === 'checked_in' ? 'appointment.checked_in' : 'appointment.no_show',
      subjectKind: 'appointment',
      subjectId: id,
      stationId,
    });
    if (!closed) throw new AppError('INTERNAL', 'appointment update returned no row');
    return appointmentView(closed, (await stationSchedule(tx, stationId)).cancelCutoffMinutes, now);
  });
}
