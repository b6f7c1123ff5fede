// Admin: the working-day calendar behind every due date (R4).
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import {
  loadCalendarYear,
  removeCalendarOverride,
  setCalendarOverride,
  viewCalendarMonth,
} from '../../services/admin/manage-calendar.ts';
import { calendarYears } from '../../domain/calendar/calendar-year.ts';
import { CalendarDate, CalendarMonth, errors, IsoDateString } from '../schemas/common.ts';
import type { App } from '../types.ts';
import { adminActor } from '../../services/staff/access.ts';

const DayKind = Type.Union([Type.Literal('working_day'), Type.Literal('day_off')]);
const DateParams = Type.Object({ date: CalendarDate });

export function adminCalendarRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/admin/calendar',
    {
      schema: {
        tags: ['admin'],
        summary: 'A month of the official calendar, with overrides (null: no data for that day)',
        security: [{ bearer: [] }],
        querystring: Type.Object({ month: CalendarMonth }),
        response: {
          200: Type.Object({
            coveredYears: Type.Array(Type.Integer()),
            days: Type.Array(
              Type.Object({
                date: IsoDateString,
                working: Type.Union([Type.Boolean(), Type.Null()]),
                override: Type.Union([DayKind, Type.Null()]),
                note: Type.Union([Type.String(), Type.Null()], { description: "the override's note" }),
              }),
            ),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    (req) => viewCalendarMonth(ctx, req.principal, req.query.month),
  );

  app.put(
    '/admin/calendar/overrides/:date',
    {
      schema: {
        tags: ['admin'],
        summary: 'Make one day a working day or a day off',
        security: [{ bearer: [] }],
        params: DateParams,
        body: Type.Object(
          { kind: DayKind, note: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await setCalendarOverride(
        ctx,
        adminActor(req.principal),
        req.params.date,
        req.body.kind,
        req.body.note,
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/admin/calendar/overrides/:date',
    {
      schema: {
        tags: ['admin'],
        summary: 'Remove an override',
        security: [{ bearer: [] }],
        params: DateParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeCalendarOverride(ctx, adminActor(req.principal), req.params.date);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/admin/calendar/years/:year',
    {
      schema: {
        tags: ['admin'],
        summary:
          "Load a year's official arrangement: public holidays and make-up working days; provisional due dates (applications' and visits') are recounted on it",
        security: [{ bearer: [] }],
        params: Type.Object({
          year: Type.Integer({ minimum: calendarYears.first, maximum: calendarYears.last }),
        }),
        body: Type.Object(
          {
            daysOff: Type.Array(CalendarDate, { maxItems: 60 }),
            makeUpWorkingDays: Type.Array(CalendarDate, { maxItems: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await loadCalendarYear(ctx, adminActor(req.principal), { year: req.params.year, ...req.body });
      return reply.status(204).send(null);
    },
  );
}
