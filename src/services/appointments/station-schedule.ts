// A station's appointment schedule: the admin's, or the defaults (src/domain/appointments).
import { eq } from 'drizzle-orm';
import { defaultSchedule, type AppointmentSchedule } from '../../domain/appointments/schedule.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { appointmentSchedules, stations } from '../../db/schema/index.ts';

export async function stationSchedule(db: Db, stationId: string): Promise<AppointmentSchedule> {
  const [row] = await db
    .select({ id: stations.id, schedule: appointmentSchedules })
    .from(stations)
    .leftJoin(appointmentSchedules, eq(appointmentSchedules.stationId, stations.id))
    .where(eq(stations.id, stationId));
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.schedule) return { ...defaultSchedule, periods: [...defaultSchedule.periods] };
  const { periods, slotMinutes, capacity, cancelCutoffMinutes, bookAheadDays } = row.schedule;
  return { periods, slotMinutes, capacity, cancelCutoffMinutes, bookAheadDays };
}
