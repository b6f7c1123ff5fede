// Admin: stations and staff accounts.
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import {
  createStaff,
  createStation,
  deactivateStaff,
  listStaff,
  listStationsForAdmin,
} from '../../services/admin/manage-stations-staff.ts';
import { enrolStaffTotp } from '../../services/auth/staff-totp.ts';
import { resetStaffPassword } from '../../services/admin/reset-staff-password.ts';
import { Role, Staff, Station, StationKind, TotpEnrolment } from '../schemas/admin.ts';
import { DistrictCode, errors, IdParams } from '../schemas/common.ts';
import type { App } from '../types.ts';
import { adminActor } from '../../services/staff/access.ts';

export function adminStationStaffRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/admin/stations',
    {
      schema: {
        tags: ['admin'],
        summary: 'Stations',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(Station), ...errors(401, 403) },
      },
    },
    (req) => listStationsForAdmin(ctx, req.principal),
  );

  app.post(
    '/admin/stations',
    {
      schema: {
        tags: ['admin'],
        summary: 'Open a station in a district, serving real streets of it',
        security: [{ bearer: [] }],
        body: Type.Object(
          {
            id: Type.String({ pattern: '^[a-z0-9-]{3,40}$' }),
            name: Type.String({ minLength: 2, maxLength: 60 }),
            kind: StationKind,
            districtCode: DistrictCode,
            streetCodes: Type.Array(Type.String({ pattern: '^[0-9]{9}$' }), { maxItems: 60 }),
            address: Type.String({ minLength: 2, maxLength: 120 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Station, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createStation(ctx, adminActor(req.principal), req.body)),
  );

  app.get(
    '/admin/staff',
    {
      schema: {
        tags: ['admin'],
        summary: 'Staff accounts',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(Staff), ...errors(401, 403) },
      },
    },
    (req) => listStaff(ctx, req.principal),
  );

  app.post(
    '/admin/staff',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a staff account (password ≥ 12 characters, stored as argon2id)',
        security: [{ bearer: [] }],
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,39}$' }),
            displayName: Type.String({ minLength: 1, maxLength: 60 }),
            role: Role,
            // null first: with type coercion on, ajv would otherwise turn null into ""
            stationId: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 40 })]),
            password: Type.String({ maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Staff, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createStaff(ctx, adminActor(req.principal), req.body)),
  );

  app.post(
    '/admin/staff/:id/deactivate',
    {
      schema: {
        tags: ['admin'],
        summary: 'Deactivate a staff account; its sessions end at once',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: Staff, ...errors(400, 401, 403, 404) },
      },
    },
    (req) => deactivateStaff(ctx, adminActor(req.principal), req.params.id),
  );

  app.post(
    '/admin/staff/:id/password',
    {
      schema: {
        tags: ['admin'],
        summary:
          "Set a new password for a staff account (≥ 12 characters); the account's sessions end at once",
        security: [{ bearer: [] }],
        params: IdParams,
        body: Type.Object({ password: Type.String({ maxLength: 256 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await resetStaffPassword(ctx, adminActor(req.principal), req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/staff/:id/totp',
    {
      schema: {
        tags: ['admin'],
        summary:
          "Enrol (or replace) the account's second factor: a new TOTP secret, shown this once as text and as an otpauth:// URI for a QR code",
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          200: TotpEnrolment,
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => enrolStaffTotp(ctx, adminActor(req.principal, 'api'), req.params.id),
  );
}
