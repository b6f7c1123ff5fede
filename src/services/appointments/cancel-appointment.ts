// DELETE /appointments/{id}: the resident cancels, until the station's cut-off before the start;
// the slot's place is given back in the same transaction.
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { appointmentSlots, appointments } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';
import { auditedAs, type ResidentActor } from '../actor.ts';
import { appointmentView, type AppointmentView } from './appointment-view.ts';
import { stationSchedule } from './station-schedule.ts';

export async function cancelAppointment(
  ctx: ServiceContext,
  actor: ResidentActor,
  id: string,
): Promise<AppointmentView> {
  const residentId = actor.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(appointments)
      .where(and(eq(appointments.id, id), eq(appointments.residentId, residentId)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    const { cancelCutoffMinutes } = await stationSchedule(tx, row.stationId);
    // Two refusals a resident acts on differently: nothing left to cancel, or too late to do it
    // online (the message then names the deadline itself, in Beijing time).
    if (row.status !== 'booked') {
      const status = { status: row.status };
      throw new AppError('BOOKING_NOT_ACTIVE', row.status, { appointmentStatus: row.status }, status);
    }
    const view = appointmentView(row, cancelCutoffMinutes, now);
    if (!view.cancellable && view.cancellableUntil !== null) {
      const deadline = view.cancellableUntil;
      throw new AppError(
        'CANCELLATION_CLOSED',
        `deadline ${deadline}`,
        { deadline },
        { status: row.status, cancellableUntil: deadline },
      );
    }
    const [cancelled] = await tx
      .update(appointments)
      .set({ status: 'cancelled', closedAt: now })
      .where(eq(appointments.id, id))
      .returning();
    await tx
      .update(appointmentSlots)
      .set({ booked: sql`${appointmentSlots.booked} - 1` })
      .where(eq(appointmentSlots.id, row.slotId));
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'appointment.cancelled',
      subjectKind: 'appointment',
      subjectId: id,
      stationId: row.stationId,
    });
    if (!cancelled) throw new AppError('INTERNAL', 'appointment update returned no row');
    return appointmentView(cancelled, cancelCutoffMinutes, now);
  });
}
