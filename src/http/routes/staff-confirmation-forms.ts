// Confirmation forms at the window (R9, R16; DESIGN §5): the sealed one-page PDF for a clerk at any
// station, the station's list of forms (and those issued after review, to print and hand over),
// printing one again; see confirmation-forms.authz.test.ts.
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { ServiceContext } from '../../services/context.ts';
import { issueConfirmationForm } from '../../services/forms/issue-confirmation-form.ts';
import { handOverForm, listStationForms, reprintStationForm } from '../../services/forms/station-forms.ts';
import { errors, IdParams } from '../schemas/common.ts';
import { FormPage, FormQuery, FormRequest } from '../schemas/forms.ts';
import type { App } from '../types.ts';

const Pdf = {
  description: 'one-page A4 PDF; header x-form-serial carries its serial number',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

function sendPdf(reply: FastifyReply, status: number, form: { serial: string; pdf: Buffer }) {
  return (
    reply
      .status(status)
      .type('application/pdf')
      .header('content-disposition', `inline; filename="confirmation-form-${form.serial}.pdf"`)
      .header('cache-control', 'no-store')
      .header('x-form-serial', form.serial)
      // The schema's binary string is the PDF's bytes: Fastify sends a Buffer as is, unserialized.
      .send(form.pdf)
  );
}

export function staffConfirmationFormRoutes(app: App, ctx: ServiceContext): void {
  app.post(
    '/staff/confirmation-forms',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Print the sealed confirmation form 北京市居住证（卡）确认单 for any holder (clerk, any station)',
        security: [{ bearer: [] }],
        body: FormRequest,
        response: { 201: Pdf, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => sendPdf(reply, 201, await issueConfirmationForm(ctx, req.principal, req.body)),
  );

  app.get(
    '/staff/confirmation-forms',
    {
      schema: {
        tags: ['staff'],
        summary:
          "The forms issued at the clerk's station, newest first; toPrint: those issued after review not yet handed over (audited)",
        security: [{ bearer: [] }],
        querystring: FormQuery,
        response: { 200: FormPage, ...errors(400, 401, 403) },
      },
    },
    (req) => listStationForms(ctx, req.principal, req.query),
  );

  app.get(
    '/staff/confirmation-forms/:id/pdf',
    {
      schema: {
        tags: ['staff'],
        summary: "Print a form of the clerk's station again, from the proof signed at issue (audited)",
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: Pdf, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => sendPdf(reply, 200, await reprintStationForm(ctx, req.principal, req.params.id)),
  );

  app.post(
    '/staff/confirmation-forms/:id/handed-over',
    {
      schema: {
        tags: ['staff'],
        summary: 'A form issued after review was printed and given to its holder (clerk of the station)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          200: Type.Object({ id: Type.String(), handedOverAt: Type.String({ format: 'date-time' }) }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    (req) => handOverForm(ctx, req.principal, req.params.id),
  );
}
