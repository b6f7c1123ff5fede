import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { revokeCard } from '../../services/cards/revoke-card.ts';
import { cardDetail } from '../../services/staff/card-detail.ts';
import { findCards } from '../../services/staff/find-cards.ts';
import { errors, IdParams } from '../schemas/common.ts';
import { CardDetail, CardPage, CardQuery } from '../schemas/staff.ts';
import type { App } from '../types.ts';

export function staffCardRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/staff/cards',
    {
      schema: {
        tags: ['staff'],
        summary: "Find a card of the jurisdiction by number, holder's ID number or name (officer, clerk)",
        security: [{ bearer: [] }],
        querystring: CardQuery,
        response: { 200: CardPage, ...errors(400, 401, 403) },
      },
    },
    (req) => findCards(ctx, req.principal, req.query),
  );

  app.get(
    '/staff/cards/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'A card of the jurisdiction: holder, every version, status history (officer, clerk)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: CardDetail, ...errors(400, 401, 403, 404) },
      },
    },
    (req) => cardDetail(ctx, req.principal, req.params.id),
  );

  app.post(
    '/staff/cards/:id/revoke',
    {
      schema: {
        tags: ['staff'],
        summary: 'Revoke a card of the district, with a reason the holder sees (officer)',
        security: [{ bearer: [] }],
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.String(), status: Type.Literal('revoked'), reason: Type.String() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    (req) => revokeCard(ctx, req.principal, req.params.id, req.body.reason),
  );
}
