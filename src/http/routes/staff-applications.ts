// The queue, the application detail, window intake and decisions. Every route checks role
// (services) and jurisdiction (services/staff/jurisdiction.ts); see staff-applications.authz.test.ts.
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { applicationQueue } from '../../services/staff/application-queue.ts';
import { applicationDetail } from '../../services/staff/application-detail.ts';
import { revealIdNumbers } from '../../services/staff/reveal-id-number.ts';
import { decideApplication } from '../../services/applications/decide-application.ts';
import { intakeWindowApplication } from '../../services/applications/intake-window-application.ts';
import { readMaterial } from '../../services/applications/read-material.ts';
import { proxyDocuments, proxyReasons, relations } from '../../domain/applications/proxy.ts';
import { ApplicationBody, MaterialKind } from '../schemas/applications.ts';
import { ApplicationDetail, QueuePage, QueueQuery, RevealedIdNumbers } from '../schemas/staff.ts';
import { errors, IdParams, Uuid } from '../schemas/common.ts';
import type { App } from '../types.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Person = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    idNumber: Type.String({ minLength: 1, maxLength: 30 }),
  },
  { additionalProperties: false },
);

export function staffApplicationRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/staff/applications',
    {
      schema: {
        tags: ['staff'],
        summary:
          'The queue of the jurisdiction: filtered, searched (name, ID or card number), sorted (due date first) and paged by the server (officer, clerk)',
        security: [{ bearer: [] }],
        querystring: QueueQuery,
        response: { 200: QueuePage, ...errors(400, 401, 403) },
      },
    },
    (req) => applicationQueue(ctx, req.principal, req.query),
  );

  app.get(
    '/staff/applications/:id',
    {
      schema: {
        tags: ['staff'],
        summary:
          'One application of the jurisdiction with what a decision needs: identity (ID number masked), address, materials, proxy, card, history (officer, clerk)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: ApplicationDetail, ...errors(400, 401, 403, 404) },
      },
    },
    (req) => applicationDetail(ctx, req.principal, req.params.id),
  );

  app.post(
    '/staff/applications/:id/reveal-id',
    {
      schema: {
        tags: ['staff'],
        summary: "The applicant's (and agent's) full ID number; audited (officer, clerk)",
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          200: RevealedIdNumbers,
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const numbers = await revealIdNumbers(ctx, req.principal, req.params.id);
      return reply.header('cache-control', 'no-store').send(numbers);
    },
  );

  app.get(
    '/staff/applications/:id/materials/:materialId',
    {
      schema: {
        tags: ['staff'],
        summary: 'Open an uploaded material of an application of the district (officer, clerk); audited',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Uuid, materialId: Uuid }),
        response: errors(400, 401, 403, 404),
      },
    },
    async (req, reply) => {
      const file = await readMaterial(ctx, req.principal, req.params.id, req.params.materialId);
      return (
        reply
          .type(file.contentType)
          // never rendered inline by a browser from our origin, never cached by a proxy
          .header('content-disposition', `attachment; filename="${file.kind}"`)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.content))
      );
    },
  );

  app.post(
    '/staff/applications',
    {
      schema: {
        tags: ['staff'],
        summary: 'Window intake, in person or by a guardian or close relative (clerk)',
        security: [{ bearer: [] }],
        body: Type.Object(
          {
            ...Type.Omit(ApplicationBody, ['materials']).properties,
            applicant: Person,
            materialsChecked: Type.Array(MaterialKind, { maxItems: 3 }),
            proxy: Type.Optional(
              Type.Object(
                {
                  agent: Person,
                  relation: literals(relations),
                  reason: literals(proxyReasons),
                  documentsChecked: Type.Array(literals(proxyDocuments), { maxItems: 3 }),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Ref('Application'), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await intakeWindowApplication(ctx, req.principal, req.body)),
  );

  app.post(
    '/staff/applications/:id/decision',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Approve (issues the card), reject with a reason, or request every missing material at once (officer)',
        security: [{ bearer: [] }],
        params: IdParams,
        body: Type.Union([
          Type.Object({ decision: Type.Literal('approve') }, { additionalProperties: false }),
          Type.Object(
            { decision: Type.Literal('reject'), reason: Type.String({ minLength: 1, maxLength: 500 }) },
            { additionalProperties: false },
          ),
          Type.Object(
            {
              decision: Type.Literal('request_materials'),
              missing: Type.Array(MaterialKind, { minItems: 1, maxItems: 3 }),
              reason: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
        ]),
        response: { 200: Type.Ref('Application'), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    (req) => decideApplication(ctx, req.principal, req.params.id, req.body),
  );
}
