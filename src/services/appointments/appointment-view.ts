// An appointment as its resident and the window read it, with the station's cancellation cut-off
// worked out by the server (R3): the wallet shows the deadline before anyone tries to cancel, and
// past it says why instead of offering a button the server would refuse.
import { cancellationDeadline } from '../../domain/appointments/schedule.ts';
import type { appointments } from '../../db/schema/index.ts';

export interface AppointmentView {
  id: string;
  stationId: string;
  start: string;
  purpose: 'application' | 'replacement';
  status: 'booked' | 'cancelled' | 'checked_in' | 'no_show';
  /** A booked appointment's online cancellation deadline (start minus the station's cut-off). */
  cancellableUntil: string | null;
  /** Booked and the deadline not passed: DELETE /appointments/{id} would succeed now. */
  cancellable: boolean;
  createdAt: string;
}

export function appointmentView(
  row: typeof appointments.$inferSelect,
  cancelCutoffMinutes: number,
  now: Date,
): AppointmentView {
  const deadline = row.status === 'booked' ? cancellationDeadline(row.startsAt, cancelCutoffMinutes) : null;
  return {
    id: row.id,
    stationId: row.stationId,
    start: row.startsAt.toISOString(),
    purpose: row.purpose,
    status: row.status,
    cancellableUntil: deadline?.toISOString() ?? null,
    cancellable: deadline !== null && now.getTime() <= deadline.getTime(),
    createdAt: row.createdAt.toISOString(),
  };
}
