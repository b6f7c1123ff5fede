// What the wallet and the console send and read about window appointments (R3). Defined once
// here; the routes validate and document with them and the pages import the `Static<>` types.
import { Type, type Static } from 'typebox';
import { IsoDateString } from './common.ts';

export const Purpose = Type.Union([Type.Literal('application'), Type.Literal('replacement')]);
export type Purpose = Static<typeof Purpose>;

export const AppointmentStatus = Type.Union([
  Type.Literal('booked'),
  Type.Literal('cancelled'),
  Type.Literal('checked_in'),
  Type.Literal('no_show'),
]);
export type AppointmentStatus = Static<typeof AppointmentStatus>;

export const Appointment = Type.Object({
  id: Type.String(),
  stationId: Type.String(),
  start: Type.String({ format: 'date-time' }),
  purpose: Purpose,
  status: AppointmentStatus,
  cancellableUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description:
      "a booked appointment's online cancellation deadline: its start minus the station's cut-off; null once it is no longer booked",
  }),
  cancellable: Type.Boolean({
    description: 'booked and the deadline not passed: DELETE /appointments/{id} would succeed now',
  }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Appointment = Static<typeof Appointment>;

/** The clerk's row: who is coming, masked as on the screen a queue may see over the shoulder. */
export const StationAppointment = Type.Object({
  ...Appointment.properties,
  residentId: Type.String(),
  resident: Type.Object({
    name: Type.String({ description: 'masked: the family name and asterisks' }),
    idNumber: Type.String({ description: 'masked: first and last four characters' }),
  }),
});
export type StationAppointment = Static<typeof StationAppointment>;

export const Slot = Type.Object({
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
  capacity: Type.Integer(),
  available: Type.Integer(),
  cancellableUntil: Type.String({
    format: 'date-time',
    description: "a booking of this slot may be cancelled online until then (the station's cut-off)",
  }),
});
export type Slot = Static<typeof Slot>;

export const SlotQuery = Type.Object(
  {
    from: Type.Optional(IsoDateString),
    to: Type.Optional(IsoDateString),
    purpose: Type.Optional(Purpose),
  },
  { additionalProperties: false },
);

export const BookingRequest = Type.Object(
  {
    stationId: Type.String({ minLength: 1, maxLength: 64 }),
    start: Type.String({ format: 'date-time', description: 'the slot start from GET …/slots' }),
    purpose: Purpose,
  },
  { additionalProperties: false },
);
export type BookingRequest = Static<typeof BookingRequest>;

export const Station = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  districtCode: Type.String(),
  address: Type.String(),
});
export type Station = Static<typeof Station>;
