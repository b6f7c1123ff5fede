// GET /appointments: the resident's own bookings, newest first, each with its station's
// cancellation cut-off (the admin's schedule, or the default). The route checks the resident, as
// for their applications and cards.
import { desc, eq } from 'drizzle-orm';
import { defaultSchedule } from '../../domain/appointments/schedule.ts';
import { appointmentSchedules, appointments } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { appointmentView, type AppointmentView } from './appointment-view.ts';

export async function listMyAppointments(
  ctx: ServiceContext,
  residentId: string,
): Promise<AppointmentView[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ appointment: appointments, cutoff: appointmentSchedules.cancelCutoffMinutes })
    .from(appointments)
    .leftJoin(appointmentSchedules, eq(appointmentSchedules.stationId, appointments.stationId))
    .where(eq(appointments.residentId, residentId))
    .orderBy(desc(appointments.startsAt))
    .limit(100);
  return rows.map((r) =>
    appointmentView(r.appointment, r.cutoff ?? defaultSchedule.cancelCutoffMinutes, now),
  );
}
