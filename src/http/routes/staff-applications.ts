// The station's queue, window intake and decisions. Every route checks role (services) and
// jurisdiction (district); see staff-applications.authz.test.ts.
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { stationQueue, staffApplicationDetail } from '../../services/applications/list-applications.ts';
import { decideApplication } from '../../services/applications/decide-application.ts';
import { intakeWindowApplication } from '../../services/applications/intake-window-application.ts';
import { readMaterial } from '../../services/applications/read-material.ts';
import { proxyDocuments, proxyReasons, relations } from '../../domain/applications/proxy.ts';
import { ApplicationBody, ApplicationStatus, MaterialKind } from '../schemas/applications.ts';
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
const QueueItem = Type.Intersect([Type.Ref('Application'), Type.Object({ overdue: Type.Boolean() })]);

export function staffApplicationRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/staff/applications',
    {
      schema: {
        tags: ['staff'],
        summary: "The district's queue, earliest due first (officer, clerk)",
        security: [{ bearer: [] }],
        querystring: Type.Object({
          status: Type.Optional(ApplicationStatus),
          overdue: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Array(QueueItem), ...errors(400, 401, 403) },
      },
    },
    (req) => stationQueue(ctx, req.principal, req.query),
  );

  app.get(
    '/staff/applications/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'One application of the district, with its materials (officer, clerk)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          200: Type.Intersect([
            Type.Ref('Application'),
            Type.Object({
              overdue: Type.Boolean(),
              addressDetail: Type.String(),
              addressFlags: Type.Array(Type.String()),
              basis: Type.Union([Type.String(), Type.Null()]),
              eligibility: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
              proxy: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
              materials: Type.Array(
                Type.Object({
                  id: Type.String(),
                  kind: Type.String(),
                  contentType: Type.String(),
                  size: Type.Integer(),
                  round: Type.Integer(),
                  uploadedAt: Type.String(),
                }),
              ),
            }),
          ]),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    (req) => staffApplicationDetail(ctx, req.principal, req.params.id),
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
