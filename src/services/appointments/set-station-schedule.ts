// PUT /admin/stations/{id}/appointment-schedule: an admin sets a station's opening hours, slot
// length, capacity, cancellation cut-off and booking horizon (DESIGN §4: stations are the admin's).
// Slots already booked keep the capacity they were opened with.
import { parsePeriods, type AppointmentSchedule } from '../../domain/appointments/schedule.ts';
import { appointmentSchedules } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { requireStaff } from '../staff/access.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { stationSchedule } from './station-schedule.ts';
import { auditedAs, type Actor } from '../actor.ts';

export async function setStationSchedule(
  ctx: ServiceContext,
  actor: Actor,
  stationId: string,
  schedule: AppointmentSchedule,
): Promise<AppointmentSchedule> {
  parsePeriods(schedule.periods);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await stationSchedule(tx, stationId); // NOT_FOUND for an unknown station
    const values = { ...schedule, stationId, updatedAt: now };
    await tx
      .insert(appointmentSchedules)
      .values(values)
      .onConflictDoUpdate({ target: appointmentSchedules.stationId, set: values });
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'station.appointment_schedule_set',
      subjectKind: 'station',
      subjectId: stationId,
      details: { ...schedule },
    });
  });
  return stationSchedule(ctx.db, stationId);
}

export function readStationSchedule(
  ctx: ServiceContext,
  principal: Principal | undefined,
  stationId: string,
): Promise<AppointmentSchedule> {
  requireStaff(principal, ['admin']);
  return stationSchedule(ctx.db, stationId);
}
