// Window appointments (R3, DESIGN §5): slots, booking, listing and cancelling for residents; the
// window's check-in and no-show for clerks (station-scoped, appointments.authz.test.ts); the
// schedule for admins. Each handler checks its caller (residentActor, clerkActor, adminActor) and
// hands the use case an actor.
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { listSlots } from '../../services/appointments/list-slots.ts';
import { bookAppointment } from '../../services/appointments/book-appointment.ts';
import { cancelAppointment } from '../../services/appointments/cancel-appointment.ts';
import { listMyAppointments } from '../../services/appointments/list-appointments.ts';
import { closeAppointment, stationAppointments } from '../../services/appointments/station-appointments.ts';
import { readStationSchedule, setStationSchedule } from '../../services/appointments/set-station-schedule.ts';
import { errors, IdParams, IsoDateString } from '../schemas/common.ts';
import { Appointment, BookingRequest, Slot, SlotQuery, StationAppointment } from '../schemas/appointments.ts';
import type { App } from '../types.ts';
import { adminActor, clerkActor, requireResident, residentActor } from '../../services/staff/access.ts';

const Schedule = Type.Object(
  {
    periods: Type.Array(Type.String({ pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$' }), {
      minItems: 1,
      maxItems: 6,
    }),
    slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
    capacity: Type.Integer({ minimum: 1, maximum: 1000 }),
    cancelCutoffMinutes: Type.Integer({ minimum: 0, maximum: 10080 }),
    bookAheadDays: Type.Integer({ minimum: 1, maximum: 90 }),
  },
  { additionalProperties: false },
);
const StationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function appointmentRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/stations/:id/slots',
    {
      schema: {
        tags: ['resident'],
        summary: "A station's bookable slots on working days, with the places left (public)",
        params: StationParams,
        querystring: SlotQuery,
        response: { 200: Type.Array(Slot), ...errors(400, 404, 503) },
      },
    },
    (req) => listSlots(ctx, req.params.id, req.query),
  );

  app.post(
    '/appointments',
    {
      schema: {
        tags: ['resident'],
        summary: 'Book a slot at a window (409 SLOT_FULL when it is full); a confirmation SMS follows',
        security: [{ bearer: [] }],
        body: BookingRequest,
        response: { 201: Appointment, ...errors(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await bookAppointment(ctx, residentActor(req.principal), req.body)),
  );

  app.get(
    '/appointments',
    {
      schema: {
        tags: ['resident'],
        summary: 'My appointments, latest first',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(Appointment), ...errors(401, 403) },
      },
    },
    (req) => listMyAppointments(ctx, requireResident(req.principal)),
  );

  app.delete(
    '/appointments/:id',
    {
      schema: {
        tags: ['resident'],
        summary: "Cancel my appointment, until the station's cut-off before it",
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: Appointment, ...errors(400, 401, 403, 404, 409) },
      },
    },
    (req) => cancelAppointment(ctx, residentActor(req.principal), req.params.id),
  );

  app.get(
    '/staff/appointments',
    {
      schema: {
        tags: ['staff'],
        summary: "The station's appointments of a day (clerk; default today)",
        security: [{ bearer: [] }],
        querystring: Type.Object({ date: Type.Optional(IsoDateString) }, { additionalProperties: false }),
        response: {
          200: Type.Array(StationAppointment),
          ...errors(400, 401, 403),
        },
      },
    },
    (req) => stationAppointments(ctx, clerkActor(req.principal), req.query.date),
  );

  for (const [path, outcome] of [
    ['check-in', 'checked_in'],
    ['no-show', 'no_show'],
  ] as const) {
    app.post(
      `/staff/appointments/:id/${path}`,
      {
        schema: {
          tags: ['staff'],
          summary:
            outcome === 'checked_in'
              ? 'The person has come: check in (clerk of the station, on the day)'
              : 'The person did not come: record a no-show (clerk of the station, once the slot began)',
          security: [{ bearer: [] }],
          params: IdParams,
          response: { 200: Appointment, ...errors(400, 401, 403, 404, 409) },
        },
      },
      (req) => closeAppointment(ctx, clerkActor(req.principal), req.params.id, outcome),
    );
  }

  app.get(
    '/admin/stations/:id/appointment-schedule',
    {
      schema: {
        tags: ['admin'],
        summary: "A station's appointment schedule (the defaults until an admin sets one)",
        security: [{ bearer: [] }],
        params: StationParams,
        response: { 200: Schedule, ...errors(401, 403, 404) },
      },
    },
    (req) => readStationSchedule(ctx, req.principal, req.params.id),
  );

  app.put(
    '/admin/stations/:id/appointment-schedule',
    {
      schema: {
        tags: ['admin'],
        summary: "Set a station's opening hours, slot length, capacity, cancel cut-off and horizon (admin)",
        security: [{ bearer: [] }],
        params: StationParams,
        body: Schedule,
        response: { 200: Schedule, ...errors(400, 401, 403, 404) },
      },
    },
    (req) => setStationSchedule(ctx, adminActor(req.principal, 'api'), req.params.id, req.body),
  );
}
