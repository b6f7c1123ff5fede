import { Type } from 'typebox';
import { maskName } from '../../domain/identity/person-name.ts';
import type { ServiceContext } from '../../services/context.ts';
import { requireResident, residentActor } from '../../services/staff/access.ts';
import { bindIdentity } from '../../services/identity/bind-identity.ts';
import { myProfile } from '../../services/identity/my-profile.ts';
import { listMyCards } from '../../services/cards/list-my-cards.ts';
import { accessLog } from '../../services/cards/access-log.ts';
import { errors } from '../schemas/common.ts';
import { AccessLogEntry, BoundIdentity, IdentityBinding, MyCard, Profile } from '../schemas/me.ts';
import type { App } from '../types.ts';

export function meRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/me',
    {
      schema: {
        tags: ['resident'],
        summary: 'My account',
        security: [{ bearer: [] }],
        response: { 200: Profile, ...errors(401, 403) },
      },
    },
    async (req) => myProfile(ctx, requireResident(req.principal)),
  );

  app.put(
    '/me/identity',
    {
      schema: {
        tags: ['resident'],
        summary:
          'Bind the account to a real identity (once); the name must be the one held for the ID number, and an identity held without a phone needs proof of possession',
        security: [{ bearer: [] }],
        body: IdentityBinding,
        response: {
          200: BoundIdentity,
          ...errors(400, 401, 403, 409, 422, 429),
        },
      },
    },
    async (req) => {
      const bound = await bindIdentity(ctx, residentActor(req.principal), req.body);
      return { maskedName: maskName(bound.name), birthDate: bound.birthDate, sex: bound.sex };
    },
  );

  app.get(
    '/me/cards',
    {
      schema: {
        tags: ['resident'],
        summary:
          "All electronic cards I may show, mine and my wards' (?all=true: also expired, revoked and superseded ones, with the revocation reason)",
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }),
        security: [{ bearer: [] }],
        response: {
          200: Type.Array(MyCard),
          ...errors(401, 403),
        },
      },
    },
    (req) => listMyCards(ctx, requireResident(req.principal), { includeInactive: req.query.all === true }),
  );

  app.get(
    '/me/access-log',
    {
      schema: {
        tags: ['resident'],
        summary: 'Who checked my cards, when, and whether they saw the full record',
        security: [{ bearer: [] }],
        response: {
          200: Type.Array(AccessLogEntry),
          ...errors(401, 403),
        },
      },
    },
    (req) => accessLog(ctx, requireResident(req.principal)),
  );
}
