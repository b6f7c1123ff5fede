import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { revokeCard } from '../../services/cards/revoke-card.ts';
import { errors, IdParams } from '../schemas/common.ts';
import type { App } from '../types.ts';

export function staffCardRoutes(app: App, ctx: ServiceContext): void {
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
