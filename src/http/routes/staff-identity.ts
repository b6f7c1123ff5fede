// POST /staff/identity-binding-codes (DESIGN §5): a clerk of any station prints a single-use code
// for a person whose ID they have seen, so that person's phone can bind the identity the platform
// already holds (issue 9, finding 1). The clerk and their station are checked here (clerkActor),
// not in the use case; see identity-binding-codes.authz.test.ts.
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { issueBindingCode } from '../../services/identity/issue-binding-code.ts';
import { clerkActor } from '../../services/staff/access.ts';
import { bindingEvidence } from '../../db/schema/index.ts';
import { errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

export function staffIdentityRoutes(app: App, ctx: ServiceContext): void {
  app.post(
    '/staff/identity-binding-codes',
    {
      schema: {
        tags: ['staff'],
        summary:
          "Issue a single-use code that lets one phone bind an identity the platform holds, on seeing the person's ID (clerk, any station)",
        security: [{ bearer: [] }],
        body: Type.Object(
          {
            idNumber: Type.String({ minLength: 1, maxLength: 30 }),
            evidence: Type.Union(
              bindingEvidence.map((e) => Type.Literal(e)),
              {
                description:
                  'what the clerk saw: ID card, household register, identity certificate from the place of origin',
              },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            code: Type.String({ description: 'print it for the person; it is shown only now' }),
            expiresAt: Type.String({ format: 'date-time' }),
          }),
          ...errors(400, 401, 403, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const issued = await issueBindingCode(ctx, clerkActor(req.principal), req.body);
      return reply.status(201).send({ code: issued.code, expiresAt: issued.expiresAt.toISOString() });
    },
  );
}
