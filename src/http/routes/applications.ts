// The resident's own applications (DESIGN §5).
import { Type } from 'typebox';
import type { ServiceContext } from '../../services/context.ts';
import { requireResident, residentActor } from '../../services/staff/access.ts';
import { submitApplication } from '../../services/applications/submit-application.ts';
import { getOwnApplication, listOwnApplications } from '../../services/applications/list-applications.ts';
import { resubmitMaterials } from '../../services/applications/resubmit-materials.ts';
import { withdrawApplication } from '../../services/applications/withdraw-application.ts';
import { ApplicationBody, MaterialUpload } from '../schemas/applications.ts';
import { errors, IdParams } from '../schemas/common.ts';
import type { App } from '../types.ts';

const View = Type.Ref('Application');
const UPLOAD_BODY_LIMIT = 16 * 1024 * 1024;

export function applicationRoutes(app: App, ctx: ServiceContext): void {
  app.post(
    '/applications',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['resident'],
        summary: 'Apply online: registration card, residence permit, endorsement, change or replacement',
        security: [{ bearer: [] }],
        body: ApplicationBody,
        response: { 201: View, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await submitApplication(ctx, residentActor(req.principal), req.body)),
  );

  app.get(
    '/applications',
    {
      schema: {
        tags: ['resident'],
        summary: 'My applications, newest first',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(View), ...errors(401, 403) },
      },
    },
    (req) => listOwnApplications(ctx, requireResident(req.principal)),
  );

  app.get(
    '/applications/:id',
    {
      schema: {
        tags: ['resident'],
        summary: 'One of my applications: status, due date, decision, missing materials',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: View, ...errors(400, 401, 403, 404) },
      },
    },
    (req) => getOwnApplication(ctx, requireResident(req.principal), req.params.id),
  );

  app.post(
    '/applications/:id/materials',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['resident'],
        summary: 'Resubmit with the missing materials; the time limit restarts',
        security: [{ bearer: [] }],
        params: IdParams,
        body: Type.Object(
          { materials: Type.Array(MaterialUpload, { minItems: 1, maxItems: 6 }) },
          { additionalProperties: false },
        ),
        response: { 200: View, ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    (req) => resubmitMaterials(ctx, residentActor(req.principal), req.params.id, req.body.materials),
  );

  app.post(
    '/applications/:id/withdraw',
    {
      schema: {
        tags: ['resident'],
        summary: 'Withdraw an application not yet decided',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: View, ...errors(400, 401, 403, 404, 409) },
      },
    },
    (req) => withdrawApplication(ctx, residentActor(req.principal), req.params.id),
  );
}
