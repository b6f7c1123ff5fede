// POST /staff/confirmation-forms (R9, DESIGN §5): the sealed one-page PDF, for a clerk at any
// station; see confirmation-forms.authz.test.ts.
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { issueConfirmationForm } from '../../services/forms/issue-confirmation-form.ts';
import { errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

const Evidence = Type.Union(
  [
    Type.Literal('id_card'),
    Type.Literal('household_register'),
    Type.Literal('origin_certificate'),
    Type.Object(
      { code: Type.String({ minLength: 1, maxLength: 1024, description: 'a live display code (JZ1:…)' }) },
      { additionalProperties: false },
    ),
  ],
  { description: 'what the person presented: a paper document seen by the clerk, or a live display code' },
);

export function staffConfirmationFormRoutes(app: App, ctx: ServiceContext): void {
  app.post(
    '/staff/confirmation-forms',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Print the sealed confirmation form 北京市居住证（卡）确认单 for any holder (clerk, any station)',
        security: [{ bearer: [] }],
        body: Type.Object(
          { idNumber: Type.String({ minLength: 1, maxLength: 30 }), evidence: Evidence },
          { additionalProperties: false },
        ),
        response: {
          201: {
            description: 'one-page A4 PDF; header x-form-serial carries its serial number',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const form = await issueConfirmationForm(ctx, req.principal, req.body);
      return (
        reply
          .status(201)
          .type('application/pdf')
          .header('content-disposition', `inline; filename="confirmation-form-${form.serial}.pdf"`)
          .header('cache-control', 'no-store')
          .header('x-form-serial', form.serial)
          // The schema's binary string is the PDF's bytes: Fastify sends a Buffer as is, unserialized.
          .send(form.pdf as unknown as string)
      );
    },
  );
}
