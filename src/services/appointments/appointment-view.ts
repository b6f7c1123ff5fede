import type { appointments } from '../../db/schema/index.ts';

export interface AppointmentView {
  id: string;
  stationId: string;
  start: string;
  purpose: 'application' | 'replacement';
  status: 'booked' | 'cancelled' | 'checked_in' | 'no_show';
  createdAt: string;
}

export function appointmentView(row: typeof appointments.$inferSelect): AppointmentView {
  return {
    id: row.id,
    stationId: row.stationId,
    start: row.startsAt.toISOString(),
    purpose: row.purpose,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}
