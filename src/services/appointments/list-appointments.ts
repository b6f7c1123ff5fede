// GET /appointments: the resident's own bookings, newest first.
import { desc, eq } from 'drizzle-orm';
import { appointments } from '../../db/schema/index.ts';
import { requireResident } from '../staff/access.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { appointmentView, type AppointmentView } from './appointment-view.ts';

export async function listMyAppointments(
  ctx: ServiceContext,
  principal: Principal | undefined,
): Promise<AppointmentView[]> {
  const residentId = requireResident(principal);
  const rows = await ctx.db
    .select()
    .from(appointments)
    .where(eq(appointments.residentId, residentId))
    .orderBy(desc(appointments.startsAt))
    .limit(100);
  return rows.map(appointmentView);
}
