// A staff member's own passkeys (issue 9): list, the two steps of adding one (WebAuthn §7.1), and
// removing one.
// Any staff role, for their own account only: the staff area's wall (plugins/staff-area.ts) refuses
// anyone else before the body is read, and the services (requireStaff) act on the session's member alone.
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import {
  enrolStaffPasskey,
  listOwnPasskeys,
  passkeyRegistrationOptions,
} from '../../services/auth/enrol-staff-passkey.ts';
import { removeOwnPasskey } from '../../services/auth/remove-staff-passkey.ts';
import { errors, IdParams } from '../schemas/common.ts';
import {
  Passkey,
  PasskeyName,
  PasskeyRegistrationOptions,
  PasskeyRegistrationResponse,
} from '../schemas/passkeys.ts';
import type { App } from '../types.ts';

export function staffPasskeyRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/staff/me/passkeys',
    {
      schema: {
        tags: ['staff'],
        summary: 'The passkeys of the signed-in staff member',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(Passkey), ...errors(401, 403) },
      },
    },
    async (req) => listOwnPasskeys(ctx, req.principal),
  );

  app.post(
    '/staff/me/passkeys/options',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Adding a passkey, first step: the creation options (a single-use challenge for this member, 5 minutes)',
        security: [{ bearer: [] }],
        response: { 200: PasskeyRegistrationOptions, ...errors(401, 403, 409) },
      },
    },
    async (req) => passkeyRegistrationOptions(ctx, req.principal),
  );

  app.post(
    '/staff/me/passkeys',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Adding a passkey, second step: the attestation answering the options, verified and kept; audited',
        security: [{ bearer: [] }],
        body: Type.Object(
          { name: PasskeyName, response: PasskeyRegistrationResponse },
          { additionalProperties: false },
        ),
        response: { 201: Passkey, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const added = await enrolStaffPasskey(ctx, req.principal, req.body);
      return reply.status(201).send(added);
    },
  );

  app.delete(
    '/staff/me/passkeys/:id',
    {
      schema: {
        tags: ['staff'],
        summary: "Removes one of the signed-in member's passkeys: it no longer signs in; audited",
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeOwnPasskey(ctx, req.principal, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
