import { Type } from 'typebox';
import { errorCodes } from '../../domain/errors.ts';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(errorCodes.map((c) => Type.Literal(c))),
      message: Type.String(),
      field: Type.Optional(
        Type.String({
          description:
            'VALIDATION_FAILED: the refused field, as a path into the request (address.districtCode, materials[0].kind)',
        }),
      ),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse', description: "Every error: a stable code and a message in the caller's language" },
);

/** The error responses a route may give, for the OpenAPI document. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('ErrorResponse')]));

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDateString = Type.String({ format: 'date', description: 'Beijing date, YYYY-MM-DD' });
/** A day the working-day calendar can hold (domain `calendarYears`: 2000 to 2100). */
export const CalendarDate = Type.String({
  format: 'date',
  pattern: '^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$',
  description: 'Beijing date, YYYY-MM-DD, in the years 2000 to 2100',
});
export const CalendarMonth = Type.String({
  pattern: '^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$',
  description: 'YYYY-MM, in the years 2000 to 2100',
});
export const IdParams = Type.Object({ id: Uuid });
export const DistrictCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'GB/T 2260 district code, e.g. 110105',
});

export const Address = Type.Object(
  {
    districtCode: DistrictCode,
    street: Type.String({
      minLength: 1,
      maxLength: 40,
      description: '9-digit street (乡镇/街道) code or its exact name',
    }),
    detail: Type.String({ minLength: 1, maxLength: 120, description: 'road, building, unit, room' }),
  },
  { additionalProperties: false },
);
