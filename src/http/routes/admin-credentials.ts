// Admin: signing-key rotation and verifier organisations with their keys.
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { rotateDisplayCodeKey } from '../../services/credentials/manage-signing-keys.ts';
import {
  createVerifierOrg,
  issueVerifierKey,
  listVerifierOrgs,
  revokeVerifierKey,
} from '../../services/admin/manage-verifiers.ts';
import { listSigningKeys, listVerifierKeys } from '../../services/admin/read-admin-overviews.ts';
import { SigningKey, VerifierKey } from '../schemas/admin.ts';
import { errors, IdParams, Uuid } from '../schemas/common.ts';
import type { App } from '../types.ts';
import { adminActor } from '../../services/staff/access.ts';

const Org = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  fullRecord: Type.Boolean(),
  createdAt: Type.String(),
});
const VerifierKind = Type.Union(
  (['employer', 'school', 'hospital', 'landlord', 'police', 'other'] as const).map((k) => Type.Literal(k)),
);

export function adminCredentialRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/admin/keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Signing keys with their windows (public parts only)',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(SigningKey), ...errors(401, 403) },
      },
    },
    (req) => listSigningKeys(ctx, req.principal),
  );

  app.get(
    '/admin/verifier-orgs/:id/keys',
    {
      schema: {
        tags: ['admin'],
        summary: "An organisation's verifier keys (prefixes only), revoked ones included",
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: Type.Array(VerifierKey), ...errors(400, 401, 403, 404) },
      },
    },
    (req) => listVerifierKeys(ctx, req.principal, req.params.id),
  );

  app.post(
    '/admin/keys/rotate',
    {
      schema: {
        tags: ['admin'],
        summary: 'Rotate the display-code signing key; codes signed before keep verifying',
        security: [{ bearer: [] }],
        body: Type.Object(
          { alg: Type.Optional(Type.Union([Type.Literal('ES256'), Type.Literal('EdDSA')])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ kid: Type.String(), retired: Type.Array(Type.String()) }),
          ...errors(400, 401, 403),
        },
      },
    },
    (req) => rotateDisplayCodeKey(ctx, adminActor(req.principal), req.body.alg),
  );

  app.get(
    '/admin/verifier-orgs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Verifier organisations',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(Org), ...errors(401, 403) },
      },
    },
    (req) => listVerifierOrgs(ctx, req.principal),
  );

  app.post(
    '/admin/verifier-orgs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Register a verifier organisation',
        security: [{ bearer: [] }],
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            kind: VerifierKind,
            fullRecord: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        response: { 201: Org, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createVerifierOrg(ctx, adminActor(req.principal), req.body)),
  );

  app.post(
    '/admin/verifier-orgs/:id/keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Issue an API key for the organisation (shown once)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          201: Type.Object({ id: Uuid, key: Type.String(), prefix: Type.String() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await issueVerifierKey(ctx, adminActor(req.principal), req.params.id)),
  );

  app.delete(
    '/admin/verifier-keys/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revoke a verifier key',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeVerifierKey(ctx, adminActor(req.principal), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
